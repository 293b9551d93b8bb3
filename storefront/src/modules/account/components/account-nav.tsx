import Link from "next/link"
import { signout } from "@lib/data/customer"

const LINKS = [
  { href: "", label: "Overview" },
  { href: "/addresses", label: "Addresses" },
  { href: "/orders", label: "Orders" },
]

export default function AccountNav({ countryCode, current }: { countryCode: string; current: string }) {
  return (
    <nav aria-label="Account">
      <ul className="account-nav">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={`/${countryCode}/account${link.href}`} aria-current={current === link.href ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
        <li>
          <form action={signout.bind(null, countryCode)}>
            <button type="submit" className="button--link button" data-testid="sign-out">
              Sign out
            </button>
          </form>
        </li>
      </ul>
    </nav>
  )
}
