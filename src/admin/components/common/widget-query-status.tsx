import { Text } from "@medusajs/ui"

type WidgetQueryStatusProps = {
  error: Error | null
  isPending: boolean
  /** The list the widget shows; empty: `emptyText` is shown. */
  items: unknown[] | undefined
  emptyText: string
}

/** A product-page widget's states before its list: the error, loading, or nothing to show. */
export const WidgetQueryStatus = ({ error, isPending, items, emptyText }: WidgetQueryStatusProps) => (
  <>
    {error && (
      <Text size="small" className="text-ui-fg-error">
        {error.message}
      </Text>
    )}
    {isPending && (
      <Text size="small" className="text-ui-fg-subtle">
        Loading…
      </Text>
    )}
    {items?.length === 0 && (
      <Text size="small" className="text-ui-fg-subtle">
        {emptyText}
      </Text>
    )}
  </>
)
