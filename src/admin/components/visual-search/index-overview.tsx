import { Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useReindex } from "../../hooks/visual-search"
import { AdminVisualIndexResponse, VisualImageStatus } from "../../lib/types"
import { IMAGE_STATUS_COLOUR, images } from "./describe"
import { EmptyTableRow } from "../common/empty-table-row"
import { SidecarStatus } from "./sidecar-status"

const STATUSES: { status: VisualImageStatus; label: string }[] = [
  { status: "indexed", label: "Indexed" },
  { status: "pending", label: "Pending" },
  { status: "failed", label: "Failed" },
]

/** The catalog's images in the photo search index: totals, per model version, the sidecar's health and "Re-index all". */
export const IndexOverview = ({ index }: { index: AdminVisualIndexResponse }) => {
  const prompt = usePrompt()
  const reindex = useReindex()
  const all = index.totals.indexed + index.totals.pending + index.totals.failed

  const reindexAll = async () => {
    const confirmed = await prompt({
      title: "Re-index all product images?",
      description: `All ${images(all)} go back to pending and the image service embeds each again. Photo search keeps answering from the current index meanwhile.`,
      confirmText: "Re-index all",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    reindex.mutate(undefined, {
      onSuccess: ({ queued }) => toast.success(`${images(queued)} queued for indexing`),
      onError: (error) => toast.error(error.message),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Visual search</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Product images in the photo search index. New and changed images are indexed automatically; failures are retried with a growing wait.
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={reindex.isPending} disabled={all === 0} onClick={reindexAll}>
          Re-index all
        </Button>
      </div>

      <div className="grid grid-cols-1 gap-6 px-6 py-4 md:grid-cols-2">
        <div className="grid grid-cols-3 gap-4">
          {STATUSES.map(({ status, label }) => (
            <div key={status} className="flex flex-col gap-y-1">
              <StatusBadge color={IMAGE_STATUS_COLOUR[status]}>{label}</StatusBadge>
              <Text size="xlarge" weight="plus" data-testid={`visual-index-${status}`}>
                {index.totals[status]}
              </Text>
            </div>
          ))}
        </div>
        <div>
          <Text size="small" weight="plus" className="mb-1">
            Image service
          </Text>
          <SidecarStatus sidecar={index.sidecar} />
        </div>
      </div>

      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Model version</Table.HeaderCell>
            <Table.HeaderCell>Indexed</Table.HeaderCell>
            <Table.HeaderCell>Pending</Table.HeaderCell>
            <Table.HeaderCell>Failed</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {index.model_versions.map((row) => (
            <Table.Row key={row.model_version ?? "none"}>
              <Table.Cell>
                {row.model_version ?? <span className="text-ui-fg-subtle">not indexed yet</span>}
                {row.model_version && row.model_version === index.sidecar.model_version && (
                  <StatusBadge color="blue" className="ml-2">
                    current
                  </StatusBadge>
                )}
              </Table.Cell>
              <Table.Cell>{row.indexed}</Table.Cell>
              <Table.Cell>{row.pending}</Table.Cell>
              <Table.Cell>{row.failed}</Table.Cell>
            </Table.Row>
          ))}
          {index.model_versions.length === 0 && <EmptyTableRow>No product images yet.</EmptyTableRow>}
        </Table.Body>
      </Table>
    </Container>
  )
}
