"use client"

import { useFormStatus } from "react-dom"

/** Submit button that shows progress and blocks double submits while its form's action runs. */
export default function SubmitButton({
  children,
  pendingText,
  className = "button",
  testId,
}: {
  children: React.ReactNode
  pendingText?: string
  className?: string
  testId?: string
}) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} data-testid={testId}>
      {pending ? (pendingText ?? "Please wait…") : children}
    </button>
  )
}
