import { Context } from "@medusajs/framework/types"

/** The part of a module's MikroORM entity manager that raw SQL needs: `?` placeholders, rows back. */
export type SqlManager = { execute<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]> }

type EntityManagerLike = SqlManager & { flush(): Promise<void> }

/**
 * The manager of a module method's context for raw SQL: the transaction's inside an
 * `@InjectTransactionManager` method, the plain one inside an `@InjectManager` method. Rows the
 * method created or changed through the ORM wait in its unit of work until the transaction
 * commits, so each query flushes them first: raw SQL then sees the method's own writes.
 */
export function sqlManagerOf(sharedContext: Context): SqlManager {
  const manager = entityManagerOf(sharedContext)
  if (!manager) throw new Error("raw SQL needs a module method decorated with @InjectManager or @InjectTransactionManager")
  return {
    async execute<Row>(sql: string, params: unknown[] = []) {
      await manager.flush()
      return manager.execute<Row>(sql, params)
    },
  }
}

/**
 * Writes what the ORM holds for a transaction now rather than at commit. The unit of work inserts
 * before it updates, so a row that replaces a soft-deleted one under a partial unique index
 * ("… WHERE deleted_at IS NULL") needs the soft delete flushed first.
 */
export async function flushPendingWrites(sharedContext: Context): Promise<void> {
  await entityManagerOf(sharedContext)?.flush()
}

/** The transaction's manager inside an `@InjectTransactionManager` method, else the plain one. */
const entityManagerOf = (sharedContext: Context) => (sharedContext.transactionManager ?? sharedContext.manager) as EntityManagerLike | undefined

/**
 * Builds SQL from fragments with values bound positionally. `bind` returns a token for a value;
 * `finish` turns the tokens into `?` placeholders and lists the values in the order they appear in
 * the text, however the fragments were assembled.
 */
export function sqlBinder() {
  const values: unknown[] = []
  return {
    bind: (value: unknown) => `\u0000${values.push(value) - 1}\u0000`,
    finish(sql: string): { sql: string; bindings: unknown[] } {
      const bindings: unknown[] = []
      const text = sql.replace(/\u0000(\d+)\u0000/g, (_, index: string) => {
        bindings.push(values[Number(index)])
        return "?"
      })
      return { sql: text, bindings }
    },
  }
}
