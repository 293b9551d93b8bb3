import { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { sqlManagerOf } from "../utils/module-sql"

/**
 * Where a record keeps its reference to a stored file. Table and column names come from the
 * module's own code, never from a request; every value goes in as a parameter.
 */
export type FileReference = {
  table: string
  /** The record's id, plus any further equality conditions (e.g. the owning customer). */
  where: Record<string, string>
  file_id_column: string
  /** Columns to hand back as they were before the swap (the file id column included). */
  columns: string[]
  /** Names the record in the 404, e.g. "Look with id: look_1". */
  not_found: string
}

/** The values a swap replaced, or none when the swap was conditional and did not apply. */
export type FileSwapResult<Row> = { previous: Row; replaced: true } | { previous: null; replaced: false }

/**
 * Points a record at another file (or none) and answers what it pointed at before, for the caller
 * to delete once this has committed. Must run inside the caller's transaction
 * (`@InjectTransactionManager`): the record's row is locked for the swap, so concurrent
 * replacements queue up and each hands back exactly the file it replaced; without the lock, six
 * replacements at once each read the same old file and left five orphans. `expected_file_id`,
 * when given, makes the swap conditional (a compensation puts a file back only if nothing replaced
 * it since). `write` makes the change, through the module's own update in the same context.
 */
export async function swapFileReference<Row extends Record<string, unknown>>(
  sharedContext: Context,
  reference: FileReference,
  expected_file_id: string | null | undefined,
  write: () => Promise<unknown>
): Promise<FileSwapResult<Row>> {
  // The row lock only holds until commit, so it is only worth taking inside a transaction.
  if (!sharedContext.transactionManager) throw new Error("swapFileReference must run in a transaction")
  const manager = sqlManagerOf(sharedContext)
  const conditions = Object.keys(reference.where).map((column) => `"${column}" = ?`)
  const rows = await manager.execute(
    `SELECT ${reference.columns.map((c) => `"${c}"`).join(", ")} FROM "${reference.table}"
      WHERE ${[...conditions, `"deleted_at" IS NULL`].join(" AND ")} FOR UPDATE`,
    Object.values(reference.where)
  )
  const current = rows[0] as Row | undefined
  if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${reference.not_found} was not found`)
  if (expected_file_id !== undefined && current[reference.file_id_column] !== expected_file_id) {
    return { previous: null, replaced: false }
  }
  await write()
  return { previous: current, replaced: true }
}
