"use client"

import Link from "next/link"
import { useActionState } from "react"
import { reportPost } from "@lib/data/social"
import SubmitButton from "@modules/common/components/submit-button"
import { REPORT_REASONS } from "../report-reasons"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

/** "Report this post": a reason and an optional note, tucked away in a disclosure. */
export default function ReportForm({ postId, countryCode, signedIn }: { postId: string; countryCode: string; signedIn: boolean }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(reportPost, null)
  return (
    <details style={{ marginTop: "1.5rem" }}>
      <summary style={{ cursor: "pointer" }}>Report this post</summary>
      {!signedIn ? (
        <p>
          <Link href={`/${countryCode}/account`}>Sign in</Link> to report a post.
        </p>
      ) : state?.ok ? (
        <p role="status" className="form-ok" style={{ marginTop: ".75rem" }}>
          Thank you. Our moderators will look at this post.
        </p>
      ) : (
        <form action={action} style={{ marginTop: ".75rem" }} data-testid="report-form" data-hydrated={hydrated}>
          <input type="hidden" name="post_id" value={postId} />
          <input type="hidden" name="country_code" value={countryCode} />
          <div className="field">
            <label htmlFor="report-reason">Reason</label>
            <select id="report-reason" name="reason" required defaultValue="">
              <option value="" disabled>
                Choose a reason
              </option>
              {REPORT_REASONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-note">
              Anything else we should know <span className="muted">(optional)</span>
            </label>
            <textarea id="report-note" name="note" rows={2} maxLength={1000} />
          </div>
          <FormError error={state?.error} />
          <SubmitButton className="button button--secondary" pendingText="Sending…">
            Send report
          </SubmitButton>
        </form>
      )}
    </details>
  )
}
