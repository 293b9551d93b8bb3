import Link from "next/link"
import type { Post } from "@lib/data/social"

/** The post's photos, each with numbered markers linking to the products tagged at a spot on it. */
export default function PostPhotos({ post, countryCode }: { post: Post; countryCode: string }) {
  return (
    <ul className="post-photos" aria-label="Photos">
      {post.photos.map((photo, index) => {
        const markers = post.tags
          .map((tag, n) => ({ tag, n }))
          .filter(({ tag }) => tag.photo_index === index && tag.x !== null && tag.y !== null && tag.product)
        return (
          <li key={photo.id}>
            <div className="photo-stage" style={{ aspectRatio: photo.width && photo.height ? `${photo.width} / ${photo.height}` : "4 / 5" }}>
              {/* eslint-disable-next-line @next/next/no-img-element -- the stage has the photo's aspect ratio */}
              <img
                src={photo.url}
                alt={`Photo ${index + 1} of ${post.photos.length} shared by ${post.author.display_name}${post.caption ? `: ${post.caption}` : ""}`}
                width={photo.width ?? 800}
                height={photo.height ?? 1000}
                loading={index === 0 ? "eager" : "lazy"}
              />
              {markers.map(({ tag, n }) => (
                <Link
                  key={tag.id}
                  href={`/${countryCode}/products/${tag.product!.handle}`}
                  className="tag-marker"
                  style={{ left: `${tag.x! * 100}%`, top: `${tag.y! * 100}%` }}
                  aria-label={`Tagged product ${n + 1}: ${tag.product!.title}`}
                  data-testid="tag-marker"
                >
                  {n + 1}
                </Link>
              ))}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
