import { Container, Text } from "@medusajs/ui"

/** What a page shows while its data loads, or why it could not. */
export const LoadState = ({ error, isPending }: { error: Error | null; isPending: boolean }) => (
  <>
    {error && (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-error">
          {error.message}
        </Text>
      </Container>
    )}
    {isPending && (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      </Container>
    )}
  </>
)
