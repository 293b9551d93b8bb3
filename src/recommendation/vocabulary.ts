/** Values of one kind (colours, brands, occasions…) interned per catalog, so that a request decides about each distinct value once. */
import { CatalogItem } from "./types"

/** Item i has the values ids[start[i]] up to ids[start[i + 1]] (ids index `values`). */
export type Vocabulary<T> = { ids: Int32Array; start: Int32Array; values: T[] }

export function vocabulary<T>(
  items: readonly CatalogItem[],
  valuesOf: (item: CatalogItem) => readonly T[],
  keyOf: (value: T) => string
): Vocabulary<T> {
  const idOf = new Map<string, number>()
  const values: T[] = []
  const ids: number[] = []
  const start = new Int32Array(items.length + 1)
  for (let i = 0; i < items.length; i++) {
    start[i] = ids.length
    for (const v of valuesOf(items[i])) {
      const key = keyOf(v)
      let id = idOf.get(key)
      if (id === undefined) {
        idOf.set(key, (id = values.length))
        values.push(v)
      }
      ids.push(id)
    }
  }
  start[items.length] = ids.length
  return { ids: Int32Array.from(ids), start, values }
}

/** 1 for each value that passes `test`. */
export const markValues = <T>(v: Vocabulary<T>, test: (value: T) => boolean) => Uint8Array.from(v.values, (x) => (test(x) ? 1 : 0))

/** Whether any value of item i is marked. */
export function anyMarked(v: Vocabulary<unknown>, marked: Uint8Array, i: number): boolean {
  for (let j = v.start[i]; j < v.start[i + 1]; j++) if (marked[v.ids[j]]) return true
  return false
}
