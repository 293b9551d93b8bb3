import Link from "next/link"
import "./globals.css"

export default function NotFound() {
  return (
    <main id="main" className="container page">
      <div className="empty-state">
        <h1>Page not found</h1>
        <p>The page you are looking for does not exist or has moved.</p>
        <Link className="button" href="/">
          Go to the shop
        </Link>
      </div>
    </main>
  )
}
