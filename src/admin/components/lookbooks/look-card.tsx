import { ArrowDownMini, ArrowUpMini, Trash } from "@medusajs/icons"
import { Badge, Container, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useDeleteLook, useSetLookHotspots } from "../../hooks/lookbooks"
import { percent } from "../../lib/format"
import { AdminHotspotInput, AdminLookbookLook } from "../../lib/types"
import { HotspotPicker, Point } from "./hotspot-picker"
import { LookHotspotList } from "./look-hotspot-list"
import { LookNotes } from "./look-notes"
import { LookPhoto } from "./look-photo"

type LookCardProps = {
  lookbookId: string
  look: AdminLookbookLook
  isFirst: boolean
  isLast: boolean
  /** A reorder is being saved: the order on screen is about to change. */
  moving: boolean
  onMove: (direction: -1 | 1) => void
}

/** One look: its photo with hotspots (click to add one), notes, order buttons and its numbers. */
export const LookCard = ({ lookbookId, look, isFirst, isLast, moving, onMove }: LookCardProps) => {
  const prompt = usePrompt()
  const [point, setPoint] = useState<Point | null>(null)
  const setHotspots = useSetLookHotspots(lookbookId, look.id)
  const deleteLook = useDeleteLook(lookbookId, look.id)
  const onError = (error: Error) => toast.error(error.message)

  const saveHotspots = (hotspots: AdminHotspotInput[]) => setHotspots.mutate(hotspots, { onSuccess: () => setPoint(null), onError })

  const remove = async () => {
    if (!(await prompt({ title: "Delete this look?", description: "Its image and hotspots are deleted too." }))) return
    deleteLook.mutate(undefined, { onError })
  }

  return (
    <Container className="flex flex-col gap-y-3 p-4" data-look-id={look.id}>
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall">#{look.position + 1}</Badge>
          <Text size="small" className="text-ui-fg-subtle">
            {look.views} views · {look.add_to_cart_count} added to cart · {percent(look.rate)} rate
          </Text>
        </div>
        <div className="flex gap-x-1">
          <IconButton size="small" variant="transparent" disabled={isFirst || moving} onClick={() => onMove(-1)} aria-label="Move up">
            <ArrowUpMini />
          </IconButton>
          <IconButton size="small" variant="transparent" disabled={isLast || moving} onClick={() => onMove(1)} aria-label="Move down">
            <ArrowDownMini />
          </IconButton>
          <IconButton size="small" variant="transparent" disabled={deleteLook.isPending} onClick={remove} aria-label="Delete look">
            <Trash />
          </IconButton>
        </div>
      </div>
      <div className="flex gap-x-4">
        <LookPhoto look={look} pending={point} onPlace={setPoint} />
        <div className="flex flex-1 flex-col gap-y-3">
          <Text size="xsmall" className="text-ui-fg-muted">
            Click the image to place a hotspot.
          </Text>
          {point && <HotspotPicker point={point} onCancel={() => setPoint(null)} onPick={(h) => saveHotspots([...look.hotspots, h])} />}
          <LookHotspotList hotspots={look.hotspots} onRemove={(h) => saveHotspots(look.hotspots.filter((o) => o.id !== h.id))} />
          <LookNotes lookbookId={lookbookId} look={look} />
        </div>
      </div>
    </Container>
  )
}
