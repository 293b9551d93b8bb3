"use client"

import { useState } from "react"

type Image = { id: string; url: string }

/** Main image with thumbnails; fixed 3:4 boxes so nothing shifts while images load. */
export default function Gallery({ images, title }: { images: Image[]; title: string }) {
  const [active, setActive] = useState(0)
  if (!images.length) return <div className="media-box" role="img" aria-label={`No photo of ${title} yet`} />
  const current = images[Math.min(active, images.length - 1)]
  return (
    <div className="gallery">
      <div className="media-box">
        {/* eslint-disable-next-line @next/next/no-img-element -- explicit size + aspect-ratio box */}
        <img
          src={current.url}
          alt={`${title}, photo ${active + 1} of ${images.length}`}
          width={900}
          height={1200}
          fetchPriority="high"
          data-testid="gallery-main"
        />
      </div>
      {images.length > 1 ? (
        <ul className="gallery__thumbs" aria-label="Photos">
          {images.map((image, i) => (
            <li key={image.id}>
              <button type="button" aria-pressed={i === active} aria-label={`Show photo ${i + 1}`} onClick={() => setActive(i)}>
                <span className="media-box" style={{ display: "block" }}>
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={image.url} alt="" width={72} height={96} loading="lazy" />
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
