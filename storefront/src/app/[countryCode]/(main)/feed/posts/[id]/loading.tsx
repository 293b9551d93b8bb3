import "@modules/social/social.css"

export default function PostLoading() {
  return (
    <div className="container page" aria-busy="true">
      <p role="status" className="muted">
        Loading the post…
      </p>
      <div className="post-layout" aria-hidden="true">
        <div className="skeleton" style={{ aspectRatio: "4 / 5" }} />
        <div>
          <div className="skeleton" style={{ height: "1.6rem", width: "40%", marginBottom: "1rem" }} />
          <div className="skeleton" style={{ height: "5rem" }} />
        </div>
      </div>
    </div>
  )
}
