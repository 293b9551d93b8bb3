import { redirect } from "next/navigation"
import { isSignedIn } from "@lib/data/cookies"
import { signInPath } from "@lib/util/return-to"
import "@modules/wardrobe/wardrobe.css"

/** The wardrobe is personal: guests are sent to sign in (or create an account) first, and come back to it. */
export default async function WardrobeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  if (!(await isSignedIn())) redirect(signInPath(countryCode, `/${countryCode}/wardrobe`))
  return <div className="container page">{children}</div>
}
