"use client"

import { useId, useRef, useState } from "react"

/**
 * The shopper's photo and the preview in one frame, split by a divider: the photo on the left of it,
 * the preview on the right. The divider is a range input (arrow keys, Home/End, screen readers);
 * a drag or tap on the picture moves it too.
 */
export default function BeforeAfterSlider({
  before,
  after,
  width,
  height,
  afterAlt,
  onAfterLoad,
}: {
  before: string
  after: string
  width: number
  height: number
  afterAlt: string
  onAfterLoad?: () => void
}) {
  const id = useId()
  const frameRef = useRef<HTMLDivElement>(null)
  // Where the divider is, in percent from the left: a quarter of the photo first, most of the frame the preview.
  const [split, setSplit] = useState(25)
  const dragging = useRef(false)

  const moveTo = (clientX: number) => {
    const rect = frameRef.current?.getBoundingClientRect()
    if (!rect?.width) return
    setSplit(Math.round(Math.min(100, Math.max(0, ((clientX - rect.left) / rect.width) * 100))))
  }

  return (
    <figure className="before-after" data-testid="try-on-compare">
      <div
        ref={frameRef}
        className="before-after__frame"
        style={{ aspectRatio: `${width} / ${height}`, "--photo-ratio": width / height } as React.CSSProperties}
        onPointerDown={(event) => {
          dragging.current = true
          event.currentTarget.setPointerCapture?.(event.pointerId)
          moveTo(event.clientX)
        }}
        onPointerMove={(event) => dragging.current && moveTo(event.clientX)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a local photo (blob: URL), not optimisable */}
        <img src={before} alt="Your photo" className="before-after__image" draggable={false} data-testid="try-on-original" />
        {/* eslint-disable-next-line @next/next/no-img-element -- a signed, expiring URL: never cached or resized */}
        <img
          src={after}
          alt={afterAlt}
          className="before-after__image before-after__after"
          style={{ clipPath: `inset(0 0 0 ${split}%)` }}
          draggable={false}
          onLoad={onAfterLoad}
          data-testid="try-on-result"
        />
        <span className="before-after__divider" style={{ left: `${split}%` }} aria-hidden="true" />
        <span className="before-after__tag before-after__tag--before" aria-hidden="true">
          Your photo
        </span>
        <span className="before-after__tag before-after__tag--after" aria-hidden="true">
          Preview
        </span>
      </div>
      <label htmlFor={`${id}-split`} className="visually-hidden">
        Compare your photo with the preview
      </label>
      <input
        id={`${id}-split`}
        className="before-after__range"
        type="range"
        min={0}
        max={100}
        step={1}
        value={split}
        onChange={(event) => setSplit(Number(event.target.value))}
        aria-valuetext={`${split}% your photo, ${100 - split}% preview`}
        data-testid="try-on-slider"
      />
      <figcaption className="muted before-after__caption">Drag the slider to compare your photo (left) with the preview (right).</figcaption>
    </figure>
  )
}
