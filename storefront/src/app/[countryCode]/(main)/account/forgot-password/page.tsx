import type { Metadata } from "next"
import Link from "next/link"
import ForgotPasswordForm from "@modules/account/components/forgot-password-form"

export const metadata: Metadata = { title: "Forgot password" }

export default async function ForgotPasswordPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  return (
    <div className="container page" style={{ maxWidth: "32rem" }}>
      <div className="card">
        <ForgotPasswordForm countryCode={countryCode} />
        <p style={{ marginBottom: 0 }}>
          <Link href={`/${countryCode}/account`}>Back to sign in</Link>
        </p>
      </div>
    </div>
  )
}
