import Link from "next/link"
import { signInPath } from "@lib/util/return-to"

/** What a signed-out shopper sees on pages that need an account; signing in comes back to `returnTo`. */
export default function SignInPrompt({ countryCode, what, returnTo }: { countryCode: string; what: string; returnTo?: string }) {
  return (
    <div className="container page">
      <div className="empty-state">
        <h1>Sign in to see your {what}</h1>
        <p>Your {what} are kept with your account.</p>
        <Link className="button" href={signInPath(countryCode, returnTo)}>
          Sign in or create an account
        </Link>
      </div>
    </div>
  )
}
