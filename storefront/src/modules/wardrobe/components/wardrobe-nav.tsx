import Link from "next/link"

const LINKS = [
  { key: "items", label: "Items", path: "" },
  { key: "outfits", label: "Outfits", path: "/outfits" },
  { key: "stats", label: "Stats", path: "/stats" },
  { key: "add", label: "Add an item", path: "/items/new" },
] as const

/** The wardrobe's sections; the current one is marked for screen readers too. */
export default function WardrobeNav({ countryCode, current }: { countryCode: string; current: (typeof LINKS)[number]["key"] | "" }) {
  return (
    <nav aria-label="Wardrobe">
      <ul className="wardrobe-nav">
        {LINKS.map((l) => (
          <li key={l.key}>
            <Link href={`/${countryCode}/wardrobe${l.path}`} aria-current={current === l.key ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
