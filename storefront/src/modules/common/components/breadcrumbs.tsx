import IntentLink from "./intent-link"

type Crumb = { href: string; label: string }

/** The trail above a page's title ("Shop / Tops"); `tight` where a sub-navigation follows the title. */
export default function Breadcrumbs({ trail, tight = false }: { trail: Crumb[]; tight?: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className="muted" style={{ marginBottom: tight ? ".5rem" : "1rem", fontSize: ".9rem" }}>
      {trail.map((crumb, i) => (
        <span key={crumb.href}>
          {i ? " / " : null}
          <IntentLink href={crumb.href}>{crumb.label}</IntentLink>
        </span>
      ))}
    </nav>
  )
}
