import IntentLink from "@modules/common/components/intent-link"
import { getFeaturedLookbooks } from "@lib/data/featured"

/** Up to three lookbooks; nothing at all when the shop has none (or no lookbook routes yet). */
export default async function FeaturedLookbooks({ countryCode }: { countryCode: string }) {
  const lookbooks = await getFeaturedLookbooks().catch(() => [])
  if (!lookbooks.length) return null
  return (
    <section className="section container" aria-labelledby="lookbooks-heading" data-testid="featured-lookbooks">
      <div className="section__head">
        <h2 id="lookbooks-heading">Lookbooks</h2>
        <IntentLink href={`/${countryCode}/lookbooks`}>All lookbooks</IntentLink>
      </div>
      <ul className="lookbook-strip">
        {lookbooks.map((lookbook) => (
          <li key={lookbook.id}>
            <IntentLink href={`/${countryCode}/lookbooks/${lookbook.handle}`} className="product-card">
              <div className="media-box" style={{ aspectRatio: "4 / 3" }}>
                {lookbook.cover_image_url ? (
                  // eslint-disable-next-line @next/next/no-img-element -- above the fold on the home page: loaded at once (LCP)
                  <img src={lookbook.cover_image_url} alt={`Cover of the lookbook ${lookbook.title}`} width={800} height={600} fetchPriority="high" />
                ) : null}
              </div>
              <h3 className="product-card__title">{lookbook.title}</h3>
              {lookbook.look_count ? (
                <p className="muted" style={{ margin: 0 }}>
                  {lookbook.look_count} looks
                </p>
              ) : null}
            </IntentLink>
          </li>
        ))}
      </ul>
    </section>
  )
}
