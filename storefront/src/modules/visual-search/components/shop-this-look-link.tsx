import Link from "next/link"
import { shopPhotoHref, type ShopPhotoRef } from "@lib/util/photo-search"

/** "Shop this look": the look's or post's photo through search by photo, on the photo search page. */
export default function ShopThisLookLink({
  countryCode,
  photo,
  className = "button button--secondary",
}: {
  countryCode: string
  photo: ShopPhotoRef
  className?: string
}) {
  return (
    <Link href={shopPhotoHref(countryCode, photo)} className={className} data-testid="shop-this-look" prefetch={false}>
      Shop this look
    </Link>
  )
}
