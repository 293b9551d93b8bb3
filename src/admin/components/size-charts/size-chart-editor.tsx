import { Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { AdminSizeChart, SIZE_MEASURES, SizeChartRow, SizeMeasure, useUpdateSizeChart } from "../../hooks/size-charts"

const LABELS: Record<SizeMeasure, string> = { chest: "Chest", waist: "Waist", hips: "Hips", inseam: "Inseam", foot_length: "Foot length" }

/** A row as the form holds it: every bound as typed text, so a half-typed number is not lost. */
type DraftRow = { size: string } & Record<`${SizeMeasure}_${"min" | "max"}`, string>

const toDraft = (row: SizeChartRow): DraftRow =>
  ({
    size: row.size,
    ...Object.fromEntries(
      SIZE_MEASURES.flatMap((m) => [
        [`${m}_min`, row[m]?.min?.toString() ?? ""],
        [`${m}_max`, row[m]?.max?.toString() ?? ""],
      ])
    ),
  }) as DraftRow

/** Back to the API's rows; a measurement with both bounds empty is left out. The API names any mistake. */
function fromDraft(rows: DraftRow[]): SizeChartRow[] {
  return rows.map((draft) => {
    const row: SizeChartRow = { size: draft.size.trim() }
    for (const m of SIZE_MEASURES) {
      const min = draft[`${m}_min`].trim()
      const max = draft[`${m}_max`].trim()
      if (min || max) row[m] = { min: Number(min), max: Number(max) }
    }
    return row
  })
}

/** The measurements a chart lists, so the table shows only those (and any the merchant adds). */
const listedMeasures = (rows: SizeChartRow[]) => SIZE_MEASURES.filter((m) => rows.some((r) => r[m]))

/** Edits one chart's rows: a size per line, min and max in cm per measurement. */
export const SizeChartEditor = ({ chart }: { chart: AdminSizeChart }) => {
  const [rows, setRows] = useState<DraftRow[]>(() => chart.sizes.map(toDraft))
  const [measures, setMeasures] = useState<SizeMeasure[]>(() => listedMeasures(chart.sizes))
  const update = useUpdateSizeChart()

  const setCell = (index: number, key: keyof DraftRow, value: string) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, [key]: value } : r)))
  const addRow = () => setRows((all) => [...all, toDraft({ size: "" })])
  const removeRow = (index: number) => setRows((all) => all.filter((_, i) => i !== index))
  const save = () =>
    update.mutate(
      { id: chart.id, sizes: fromDraft(rows) },
      { onSuccess: () => toast.success(`${chart.name} saved`), onError: (error) => toast.error(error.message) }
    )

  return (
    <Container className="divide-y p-0" data-testid="size-chart-editor">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{chart.name}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {chart.category?.name ?? chart.category_id}
            {chart.brand ? ` · ${chart.brand}` : " · every brand without its own chart"} · body measurements in cm
          </Text>
        </div>
        <div className="flex gap-x-2">
          {SIZE_MEASURES.filter((m) => !measures.includes(m)).map((m) => (
            <Button
              key={m}
              size="small"
              variant="transparent"
              onClick={() => setMeasures((all) => SIZE_MEASURES.filter((x) => all.includes(x) || x === m))}
            >
              + {LABELS[m]}
            </Button>
          ))}
        </div>
      </div>
      <div className="overflow-x-auto px-6 py-4">
        <table className="w-full text-left">
          <thead>
            <tr>
              <th className="txt-compact-small-plus pb-2 pr-2">Size</th>
              {measures.map((m) => (
                <th key={m} className="txt-compact-small-plus pb-2 pr-2">
                  {LABELS[m]} (min – max)
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td className="pb-2 pr-2">
                  <Input
                    size="small"
                    aria-label={`Size ${index + 1}`}
                    value={row.size}
                    onChange={(e) => setCell(index, "size", e.target.value)}
                    className="w-20"
                  />
                </td>
                {measures.map((m) => (
                  <td key={m} className="pb-2 pr-2">
                    <div className="flex items-center gap-x-1">
                      {(["min", "max"] as const).map((bound) => (
                        <Input
                          key={bound}
                          size="small"
                          type="number"
                          step="0.1"
                          aria-label={`${row.size || `Size ${index + 1}`} ${LABELS[m]} ${bound}`}
                          value={row[`${m}_${bound}`]}
                          onChange={(e) => setCell(index, `${m}_${bound}`, e.target.value)}
                          className="w-20"
                        />
                      ))}
                    </div>
                  </td>
                ))}
                <td className="pb-2">
                  <Button size="small" variant="transparent" onClick={() => removeRow(index)} aria-label={`Remove ${row.size || "row"}`}>
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between px-6 py-4">
        <Button size="small" variant="secondary" onClick={addRow}>
          Add size
        </Button>
        <div className="flex items-center gap-x-3">
          {update.error && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {update.error.message}
            </Text>
          )}
          <Button size="small" onClick={save} isLoading={update.isPending}>
            Save chart
          </Button>
        </div>
      </div>
    </Container>
  )
}
