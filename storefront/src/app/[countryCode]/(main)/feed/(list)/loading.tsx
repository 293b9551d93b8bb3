import "@modules/social/social.css"

export default function FeedLoading() {
  return (
    <div className="container page" aria-busy="true">
      <h1>Feed</h1>
      <p role="status" className="muted">
        Loading posts…
      </p>
      <ul className="post-grid" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i}>
            <div className="skeleton" style={{ aspectRatio: "4 / 5" }} />
            <div className="skeleton" style={{ height: "1rem", marginTop: ".5rem", width: "70%" }} />
          </li>
        ))}
      </ul>
    </div>
  )
}
