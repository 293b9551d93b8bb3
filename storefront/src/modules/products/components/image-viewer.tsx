"use client"

import { useEffect, useRef, useState } from "react"
import "../products.css"
import type { GalleryImage } from "@lib/util/colour-images"

const ZOOM_ON_CLICK = 2.5
const MAX_ZOOM = 4
/** A pointer that moves less than this between down and up is a click or tap, not a drag. */
const TAP_SLOP_PX = 8
/** A horizontal drag this long changes the photo (when not zoomed in). */
const SWIPE_PX = 50

type Zoom = { scale: number; originX: number; originY: number; panX: number; panY: number }
const NO_ZOOM: Zoom = { scale: 1, originX: 50, originY: 50, panX: 0, panY: 0 }
type Point = { x: number; y: number }

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)
const clampScale = (scale: number) => Math.min(MAX_ZOOM, Math.max(1, scale))

/**
 * The product's photos full screen, in a modal dialog (so focus stays in it and Escape closes it):
 * click or tap zooms in where it was pressed and out again, two fingers pinch-zoom, a zoomed photo
 * pans with a drag; arrow keys, the buttons or a swipe change the photo.
 */
export default function ImageViewer({
  images,
  index,
  title,
  onIndexChange,
  onClose,
}: {
  images: GalleryImage[]
  index: number
  /** Names the photos: "Linen shirt, Navy". */
  title: string
  onIndexChange: (index: number) => void
  onClose: () => void
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const imageRef = useRef<HTMLImageElement>(null)
  const [zoom, setZoom] = useState<Zoom>(NO_ZOOM)
  // Pointers down on the photo, and how the current gesture started.
  const pointers = useRef(new Map<number, Point>())
  const gesture = useRef<{ start: Point; moved: boolean; pinch: { distance: number; scale: number } | null; multi: boolean } | null>(null)
  const count = images.length
  const image = images[Math.min(index, count - 1)]

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])

  const show = (next: number) => {
    setZoom(NO_ZOOM)
    onIndexChange((next + count) % count)
  }

  const zoomAt = (point: Point | null) => {
    if (zoom.scale > 1) return setZoom(NO_ZOOM)
    const rect = imageRef.current?.getBoundingClientRect()
    if (!rect || !point || !rect.width || !rect.height) return setZoom({ ...NO_ZOOM, scale: ZOOM_ON_CLICK })
    const originX = Math.min(100, Math.max(0, ((point.x - rect.left) / rect.width) * 100))
    const originY = Math.min(100, Math.max(0, ((point.y - rect.top) / rect.height) * 100))
    setZoom({ scale: ZOOM_ON_CLICK, originX, originY, panX: 0, panY: 0 })
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowRight") show(index + 1)
    else if (event.key === "ArrowLeft") show(index - 1)
    else return
    event.preventDefault()
  }

  const onPointerDown = (event: React.PointerEvent) => {
    event.currentTarget.setPointerCapture?.(event.pointerId)
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY })
    const points = [...pointers.current.values()]
    if (points.length === 1) gesture.current = { start: points[0], moved: false, pinch: null, multi: false }
    else if (points.length === 2 && gesture.current) {
      gesture.current = { ...gesture.current, multi: true, pinch: { distance: distance(points[0], points[1]), scale: zoom.scale } }
    }
  }

  const onPointerMove = (event: React.PointerEvent) => {
    const previous = pointers.current.get(event.pointerId)
    const current = gesture.current
    if (!previous || !current) return
    const point = { x: event.clientX, y: event.clientY }
    pointers.current.set(event.pointerId, point)
    if (distance(point, current.start) > TAP_SLOP_PX) current.moved = true
    const points = [...pointers.current.values()]
    if (points.length === 2 && current.pinch && current.pinch.distance > 0) {
      const scale = clampScale((current.pinch.scale * distance(points[0], points[1])) / current.pinch.distance)
      setZoom((z) => (scale === 1 ? NO_ZOOM : { ...z, scale }))
    } else if (points.length === 1 && zoom.scale > 1) {
      // Panning a zoomed photo.
      setZoom((z) => ({ ...z, panX: z.panX + point.x - previous.x, panY: z.panY + point.y - previous.y }))
    }
  }

  const onPointerUp = (event: React.PointerEvent) => {
    pointers.current.delete(event.pointerId)
    const current = gesture.current
    if (!current || pointers.current.size > 0) return
    gesture.current = null
    if (current.multi) return
    const dx = event.clientX - current.start.x
    if (!current.moved) zoomAt({ x: event.clientX, y: event.clientY })
    else if (zoom.scale === 1 && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(event.clientY - current.start.y)) show(index + (dx < 0 ? 1 : -1))
  }

  const onPointerCancel = (event: React.PointerEvent) => {
    pointers.current.delete(event.pointerId)
    if (!pointers.current.size) gesture.current = null
  }

  const zoomed = zoom.scale > 1
  return (
    <dialog
      ref={dialogRef}
      className="image-viewer"
      aria-label={`${title}: photos`}
      data-testid="image-viewer"
      // Escape (or the browser's back gesture) closes the dialog: the gallery then forgets it.
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div className="image-viewer__bar">
        <p className="image-viewer__count" aria-live="polite">
          Photo {index + 1} of {count}
        </p>
        <button
          type="button"
          className="image-viewer__button"
          aria-pressed={zoomed}
          onClick={() => (zoomed ? setZoom(NO_ZOOM) : zoomAt(null))}
          data-testid="image-viewer-zoom"
        >
          {zoomed ? "Zoom out" : "Zoom in"}
        </button>
        <button type="button" className="image-viewer__button" onClick={() => dialogRef.current?.close()} aria-label="Close photo viewer" autoFocus>
          ✕
        </button>
      </div>
      <div
        className="image-viewer__stage"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        data-zoomed={zoomed}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- the full-size photo, contained in the screen */}
        <img
          ref={imageRef}
          src={image.url}
          alt={`${title}, photo ${index + 1} of ${count}${zoomed ? ", zoomed in" : ""}`}
          draggable={false}
          data-testid="image-viewer-image"
          style={{
            transform: `translate(${zoom.panX}px, ${zoom.panY}px) scale(${zoom.scale})`,
            transformOrigin: `${zoom.originX}% ${zoom.originY}%`,
          }}
        />
      </div>
      {count > 1 ? (
        <>
          <button type="button" className="image-viewer__nav image-viewer__nav--prev" onClick={() => show(index - 1)} aria-label="Previous photo">
            ‹
          </button>
          <button type="button" className="image-viewer__nav image-viewer__nav--next" onClick={() => show(index + 1)} aria-label="Next photo">
            ›
          </button>
        </>
      ) : null}
    </dialog>
  )
}
