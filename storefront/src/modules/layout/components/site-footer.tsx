import Link from "next/link"

export default function SiteFooter({ countryCode, regionName }: { countryCode: string; regionName?: string }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Curator{regionName ? ` · shopping in ${regionName} (${countryCode.toUpperCase()})` : ""} · <Link href="/us">United States</Link> ·{" "}
          <Link href="/gb">United Kingdom</Link> · <Link href="/de">Europe</Link>
        </p>
      </div>
    </footer>
  )
}
