import { MouseEvent } from "react"
import { AdminLookbookLook } from "../../lib/types"
import { Point } from "./hotspot-picker"

const marker = "absolute h-4 w-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow"
const at = ({ x, y }: Point) => ({ left: `${x * 100}%`, top: `${y * 100}%` })

/** A look's photo with its hotspots; a click places a new one (as fractions of the photo, 3 decimals). */
export const LookPhoto = ({ look, pending, onPlace }: { look: AdminLookbookLook; pending: Point | null; onPlace: (point: Point) => void }) => {
  const place = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000))
    onPlace({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) })
  }

  return (
    <div className="relative w-1/2 shrink-0 cursor-crosshair select-none" onClick={place}>
      <img src={look.image_url} alt={look.notes ?? "Look"} className="w-full rounded-md" draggable={false} />
      {look.hotspots.map((hotspot) => (
        <span key={hotspot.id} title={hotspot.product?.title ?? ""} className={`${marker} bg-ui-fg-interactive`} style={at(hotspot)} />
      ))}
      {pending && <span className={`${marker} bg-ui-tag-orange-icon`} style={at(pending)} />}
    </div>
  )
}
