import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { getLookbook } from "@lib/data/lookbooks"
import { getRegion } from "@lib/data/regions"
import LookViewer from "@modules/lookbooks/components/look-viewer"
import "@modules/lookbooks/lookbooks.css"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

type Props = { params: Promise<{ countryCode: string; handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { countryCode, handle } = await params
  const lookbook = await getLookbook(handle, countryCode)
  return lookbook ? { title: lookbook.title, description: lookbook.description ?? undefined } : { title: "Lookbook not found" }
}

export default async function LookbookPage({ params }: Props) {
  const { countryCode, handle } = await params
  const [lookbook, region] = await Promise.all([getLookbook(handle, countryCode), getRegion(countryCode)])
  if (!lookbook || !region) notFound()
  return (
    <div className="container page">
      <Breadcrumbs trail={[{ href: `/${countryCode}/lookbooks`, label: "Lookbooks" }]} />
      <h1 data-testid="lookbook-title">{lookbook.title}</h1>
      {lookbook.description ? <p style={{ maxWidth: "42rem" }}>{lookbook.description}</p> : null}
      {lookbook.looks.length ? (
        <ol className="looks" aria-label="Looks">
          {lookbook.looks.map((look, i) => (
            <li key={look.id}>
              <LookViewer
                look={look}
                index={i}
                lookbookId={lookbook.id}
                lookbookTitle={lookbook.title}
                countryCode={countryCode}
                currency={region.currency_code}
              />
            </li>
          ))}
        </ol>
      ) : (
        <div className="empty-state">
          <h2>No looks in this lookbook yet</h2>
          <p>Come back soon, or see the other lookbooks.</p>
          <Link href={`/${countryCode}/lookbooks`} className="button">
            All lookbooks
          </Link>
        </div>
      )}
    </div>
  )
}
