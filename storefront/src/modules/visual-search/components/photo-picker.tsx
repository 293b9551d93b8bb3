"use client"

import { useId, useState } from "react"
import { MAX_PHOTO_BYTES, megabytes } from "@lib/util/uploads"

/**
 * Where the shopper gives a photo: dropped on the zone, chosen from files, or taken with the phone's
 * camera (`capture="environment"` opens the back camera on phones; desktops show the file chooser).
 */
export default function PhotoPicker({ onPhoto, disabled, compact }: { onPhoto: (file: File) => void; disabled?: boolean; compact?: boolean }) {
  const id = useId()
  const [dragging, setDragging] = useState(false)

  const take = (files: FileList | null | undefined) => {
    const file = files?.[0]
    if (file && !disabled) onPhoto(file)
  }

  return (
    <div
      className="photo-drop"
      data-dragging={dragging}
      data-testid="photo-drop"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return
        e.preventDefault()
        e.dataTransfer.dropEffect = "copy"
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault()
        setDragging(false)
        take(e.dataTransfer.files)
      }}
    >
      {compact ? null : <p style={{ margin: 0, fontWeight: 600 }}>Drop a photo of clothes here</p>}
      <div className="photo-drop__actions">
        <input
          id={`${id}-file`}
          className="photo-drop__input"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          data-testid="photo-input"
          onChange={(e) => {
            take(e.target.files)
            e.target.value = ""
          }}
        />
        <label htmlFor={`${id}-file`} className="button">
          {compact ? "Another photo" : "Choose a photo"}
        </label>
        <input
          id={`${id}-camera`}
          className="photo-drop__input"
          type="file"
          accept="image/*"
          capture="environment"
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          data-testid="camera-input"
          onChange={(e) => {
            take(e.target.files)
            e.target.value = ""
          }}
        />
        <label htmlFor={`${id}-camera`} className="button button--secondary">
          Take a photo
        </label>
      </div>
      <p id={`${id}-hint`} className="muted" style={{ margin: 0, fontSize: ".85rem" }}>
        JPEG, PNG or WebP, up to {megabytes(MAX_PHOTO_BYTES)}. The photo is only used for this search.
      </p>
    </div>
  )
}
