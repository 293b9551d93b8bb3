import { Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The one row a table shows when it has nothing to list, saying so. */
export const EmptyTableRow = ({ children }: { children: ReactNode }) => (
  <Table.Row>
    <Table.Cell>
      <Text size="small" className="text-ui-fg-subtle">
        {children}
      </Text>
    </Table.Cell>
  </Table.Row>
)
