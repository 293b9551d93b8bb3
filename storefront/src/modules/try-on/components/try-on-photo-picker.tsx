"use client"

import { useId } from "react"
import { MAX_PHOTO_BYTES, megabytes } from "@lib/util/uploads"

/**
 * Where the shopper gives their photo: chosen from files, or taken with the phone's front camera
 * (`capture="user"`; desktops show the file chooser).
 */
export default function TryOnPhotoPicker({ onPhoto, disabled, hasPhoto }: { onPhoto: (file: File) => void; disabled?: boolean; hasPhoto: boolean }) {
  const id = useId()
  const take = (input: HTMLInputElement) => {
    const file = input.files?.[0]
    // Cleared so that choosing the same file again is a change too.
    input.value = ""
    if (file && !disabled) onPhoto(file)
  }
  return (
    <div className="try-on-picker">
      <input
        id={`${id}-file`}
        className="try-on-picker__input"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        data-testid="try-on-photo-input"
        onChange={(e) => take(e.target)}
      />
      <label htmlFor={`${id}-file`} className="button" aria-disabled={disabled}>
        {hasPhoto ? "Use another photo" : "Upload a photo"}
      </label>
      <input
        id={`${id}-camera`}
        className="try-on-picker__input"
        type="file"
        accept="image/*"
        capture="user"
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        data-testid="try-on-camera-input"
        onChange={(e) => take(e.target)}
      />
      <label htmlFor={`${id}-camera`} className="button button--secondary" aria-disabled={disabled}>
        Take a photo
      </label>
      <p id={`${id}-hint`} className="muted try-on-picker__hint">
        JPEG, PNG or WebP, up to {megabytes(MAX_PHOTO_BYTES)}. Your photo is private: only you see it, and it is deleted after 24 hours unless you
        keep the preview.
      </p>
    </div>
  )
}
