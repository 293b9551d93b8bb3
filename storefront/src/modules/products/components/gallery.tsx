"use client"

import { useState } from "react"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { GalleryImage, imagesForColour } from "@lib/util/colour-images"
import { useChosenColour } from "./chosen-colour"
import ImageViewer from "./image-viewer"
import "../products.css"

/**
 * Main image with thumbnails; fixed 3:4 boxes so nothing shifts while images load. On a product
 * page the chosen colour's photos come first, and choosing another colour shows its first photo.
 * The main image opens the photos full screen (ImageViewer), where they zoom.
 */
export default function Gallery({
  images: allImages,
  imagesByColour = {},
  title,
}: {
  images: GalleryImage[]
  /** Photo URLs per colour value (colourImageUrls). */
  imagesByColour?: Record<string, string[]>
  title: string
}) {
  const colour = useChosenColour()?.colour
  const images = imagesForColour(allImages, imagesByColour, colour)
  // The thumbnail picked belongs to the colour it was picked in; another colour starts at its own first photo.
  const [picked, setPicked] = useState<{ colour: string | undefined; index: number }>({ colour, index: 0 })
  const [viewerOpen, setViewerOpen] = useState(false)
  const hydrated = useHydrated()
  const active = picked.colour === colour ? picked.index : 0
  if (!images.length) return <div className="media-box" role="img" aria-label={`No photo of ${title} yet`} />
  const current = images[Math.min(active, images.length - 1)]
  return (
    <div className="gallery" data-testid="gallery" data-colour={colour} data-hydrated={hydrated}>
      <div className="media-box">
        <button
          type="button"
          className="gallery__zoom"
          aria-haspopup="dialog"
          aria-label={`Enlarge photo ${active + 1} of ${images.length}`}
          onClick={() => setViewerOpen(true)}
          data-testid="gallery-zoom"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- explicit size + aspect-ratio box */}
          <img
            src={current.url}
            alt={`${title}${colour ? `, ${colour}` : ""}, photo ${active + 1} of ${images.length}`}
            width={900}
            height={1200}
            fetchPriority="high"
            data-testid="gallery-main"
          />
        </button>
      </div>
      {viewerOpen ? (
        <ImageViewer
          images={images}
          index={Math.min(active, images.length - 1)}
          title={`${title}${colour ? `, ${colour}` : ""}`}
          // The photo last seen full screen stays the main photo.
          onIndexChange={(index) => setPicked({ colour, index })}
          onClose={() => setViewerOpen(false)}
        />
      ) : null}
      {images.length > 1 ? (
        <ul className="gallery__thumbs" aria-label="Photos">
          {images.map((image, i) => (
            <li key={image.id}>
              <button type="button" aria-pressed={i === active} aria-label={`Show photo ${i + 1}`} onClick={() => setPicked({ colour, index: i })}>
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
