import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { when } from "../../lib/format"
import { AdminVisualIndexFailure } from "../../lib/types"
import { ReindexProductButton } from "./reindex-product-button"

/** The latest images the indexer gave up on or is still retrying, with the error and the product to re-index. */
export const RecentFailures = ({ failures }: { failures: AdminVisualIndexFailure[] }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Recent failures</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Images the image service could not index, latest first. Re-indexing a product queues all its images again.
      </Text>
    </div>
    {failures.length === 0 ? (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No failures.
      </Text>
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Product</Table.HeaderCell>
            <Table.HeaderCell>Image</Table.HeaderCell>
            <Table.HeaderCell>Attempts</Table.HeaderCell>
            <Table.HeaderCell>Error</Table.HeaderCell>
            <Table.HeaderCell>Last try</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {failures.map((failure) => (
            <Table.Row key={failure.image_id}>
              <Table.Cell>
                {failure.product_title === null ? (
                  <span className="text-ui-fg-subtle">deleted ({failure.product_id})</span>
                ) : (
                  <Link to={`/products/${failure.product_id}`} className="text-ui-fg-interactive">
                    {failure.product_title}
                  </Link>
                )}
              </Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">{failure.image_id}</Table.Cell>
              <Table.Cell>{failure.attempts}</Table.Cell>
              <Table.Cell className="max-w-md whitespace-normal break-words">{failure.last_error ?? "—"}</Table.Cell>
              <Table.Cell>{when(String(failure.updated_at))}</Table.Cell>
              <Table.Cell>{failure.product_title !== null && <ReindexProductButton productId={failure.product_id} />}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </Container>
)
