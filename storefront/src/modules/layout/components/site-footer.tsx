import IntentLink from "@modules/common/components/intent-link"

export default function SiteFooter({ countryCode, regionName }: { countryCode: string; regionName?: string }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Curator{regionName ? ` · shopping in ${regionName} (${countryCode.toUpperCase()})` : ""} · <IntentLink href="/us">United States</IntentLink>{" "}
          · <IntentLink href="/gb">United Kingdom</IntentLink> · <IntentLink href="/de">Europe</IntentLink>
        </p>
      </div>
    </footer>
  )
}
