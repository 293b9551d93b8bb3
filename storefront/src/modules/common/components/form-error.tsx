import type { CSSProperties, ReactNode } from "react"

/** A form's own error (not one field's), announced to screen readers as it appears. */
export default function FormError({
  error,
  className,
  style,
  children,
}: {
  error?: string | null
  className?: string
  style?: CSSProperties
  /** Follows the message, e.g. a link to what fixes it. */
  children?: ReactNode
}) {
  if (!error) return null
  return (
    <p role="alert" className={className ? `form-error ${className}` : "form-error"} style={style}>
      {error}
      {children}
    </p>
  )
}
