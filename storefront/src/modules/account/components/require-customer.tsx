import Link from "next/link"

/** What a signed-out shopper sees on pages that need an account. */
export default function SignInPrompt({ countryCode, what }: { countryCode: string; what: string }) {
  return (
    <div className="container page">
      <div className="empty-state">
        <h1>Sign in to see your {what}</h1>
        <p>Your {what} are kept with your account.</p>
        <Link className="button" href={`/${countryCode}/account`}>
          Sign in or create an account
        </Link>
      </div>
    </div>
  )
}
