import Link from "next/link"

export default function NotFound() {
  return (
    <div className="container page">
      <div className="empty-state">
        <h1>Not found</h1>
        <p>This product or page is not available. It may have sold out or moved.</p>
        <Link className="button" href="/">
          Browse the shop
        </Link>
      </div>
    </div>
  )
}
