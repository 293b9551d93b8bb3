import { startGoogleSignIn } from "@lib/data/customer"

/** Shown only when the backend has Google sign-in configured. */
export default function GoogleSignIn({ countryCode }: { countryCode: string }) {
  return (
    <form action={startGoogleSignIn.bind(null, countryCode)}>
      <button type="submit" className="button button--secondary button--full" data-testid="google-sign-in">
        Continue with Google
      </button>
    </form>
  )
}
