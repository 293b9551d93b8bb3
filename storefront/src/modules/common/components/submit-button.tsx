"use client"

import { useFormStatus } from "react-dom"

/** Submit button that shows progress and blocks double submits while its form's action runs. */
export default function SubmitButton({
  children,
  pendingText,
  className = "button",
  testId,
  disabled = false,
  describedBy,
}: {
  children: React.ReactNode
  pendingText?: string
  className?: string
  testId?: string
  /** Not ready to submit (say, a size is missing); describedBy names the element that says why. */
  disabled?: boolean
  describedBy?: string
}) {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      className={className}
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      {pending ? (pendingText ?? "Please wait…") : children}
    </button>
  )
}
