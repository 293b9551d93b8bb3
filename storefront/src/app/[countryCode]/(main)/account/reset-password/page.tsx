import type { Metadata } from "next"
import Link from "next/link"
import ResetPasswordForm from "@modules/account/components/reset-password-form"

export const metadata: Metadata = { title: "Reset password", robots: { index: false } }

export default async function ResetPasswordPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<{ token?: string; email?: string }>
}) {
  const { countryCode } = await params
  const { token, email } = await searchParams
  return (
    <div className="container page" style={{ maxWidth: "32rem" }}>
      <div className="card">
        {typeof token === "string" && token ? (
          <ResetPasswordForm countryCode={countryCode} token={token} email={typeof email === "string" ? email : ""} />
        ) : (
          <>
            <h1>Choose a new password</h1>
            <p role="alert" className="form-error">
              This page needs the link from the password reset message.
            </p>
            <Link href={`/${countryCode}/account/forgot-password`}>Ask for a reset link</Link>
          </>
        )}
      </div>
    </div>
  )
}
