import { Button, Input, Label, Textarea, toast } from "@medusajs/ui"
import { ReactNode, useEffect, useState } from "react"
import { useUpdateLookbook } from "../../hooks/lookbooks"
import { AdminLookbook } from "../../lib/types"
import { SeasonSelect } from "./season-select"

const formOf = (l: AdminLookbook) => ({
  title: l.title,
  handle: l.handle,
  description: l.description ?? "",
  season: l.season ?? "",
  position: String(l.position),
})

/** Title, handle, season, store position and description; `children` sit beside the save button. */
export const LookbookDetailsForm = ({ lookbook, children }: { lookbook: AdminLookbook; children?: ReactNode }) => {
  const saved = formOf(lookbook)
  const [form, setForm] = useState(saved)
  const update = useUpdateLookbook(lookbook.id)

  // What was saved (here or elsewhere) replaces the form; other edits to the lookbook leave typing alone.
  const savedKey = JSON.stringify(saved)
  useEffect(() => setForm(JSON.parse(savedKey)), [savedKey])

  const save = () =>
    update.mutate(
      { ...form, position: Number(form.position) || 0 },
      { onSuccess: () => toast.success("Saved"), onError: (error) => toast.error(error.message) }
    )

  const idOf = (name: string) => `lookbook-${lookbook.id}-${name}`
  const field = (name: keyof typeof form, label: string, props: { type?: string; min?: number } = {}) => (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={idOf(name)}>{label}</Label>
      <Input {...props} id={idOf(name)} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </div>
  )

  return (
    <>
      <div className="grid grid-cols-2 gap-4">
        {field("title", "Title")}
        {field("handle", "Handle")}
        <div className="flex flex-col gap-y-1">
          <Label htmlFor={idOf("season")}>Season</Label>
          <SeasonSelect id={idOf("season")} value={form.season} onChange={(season) => setForm({ ...form, season })} />
        </div>
        {field("position", "Position (store order)", { type: "number", min: 0 })}
        <div className="col-span-2 flex flex-col gap-y-1">
          <Label htmlFor={idOf("description")}>Description</Label>
          <Textarea id={idOf("description")} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </div>
      </div>
      <div className="flex items-end justify-between gap-x-4">
        {children}
        <Button size="small" isLoading={update.isPending} onClick={save}>
          Save details
        </Button>
      </div>
    </>
  )
}
