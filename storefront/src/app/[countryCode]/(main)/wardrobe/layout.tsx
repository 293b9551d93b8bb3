import { redirect } from "next/navigation"
import { isSignedIn } from "@lib/data/cookies"
import "@modules/wardrobe/wardrobe.css"

/** The wardrobe is personal: guests are sent to sign in (or create an account) first. */
export default async function WardrobeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  if (!(await isSignedIn())) redirect(`/${countryCode}/account`)
  return <div className="container page">{children}</div>
}
