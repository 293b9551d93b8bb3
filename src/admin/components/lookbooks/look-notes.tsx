import { Button, Label, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useUpdateLook } from "../../hooks/lookbooks"
import { AdminLookbookLook } from "../../lib/types"

/** A look's notes, saved on request. */
export const LookNotes = ({ lookbookId, look }: { lookbookId: string; look: AdminLookbookLook }) => {
  const saved = look.notes ?? ""
  const [notes, setNotes] = useState(saved)
  const update = useUpdateLook(lookbookId, look.id)

  useEffect(() => setNotes(saved), [saved])

  const save = () => update.mutate({ notes }, { onSuccess: () => toast.success("Notes saved"), onError: (error) => toast.error(error.message) })

  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" htmlFor={`look-${look.id}-notes`}>
        Notes
      </Label>
      <Textarea id={`look-${look.id}-notes`} value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
      <div className="flex justify-end">
        <Button size="small" variant="secondary" onClick={save} isLoading={update.isPending} disabled={notes === saved}>
          Save notes
        </Button>
      </div>
    </div>
  )
}
