import "@modules/lookbooks/lookbooks.css"

export default function LookbookLoading() {
  return (
    <div className="container page" aria-busy="true">
      <div className="skeleton" style={{ height: "2.2rem", width: "40%", marginBottom: "1rem" }} />
      <p role="status" className="muted">
        Loading the looks…
      </p>
      <div className="look" aria-hidden="true">
        <div className="skeleton" style={{ aspectRatio: "4 / 5" }} />
        <div>
          <div className="skeleton" style={{ height: "1.5rem", width: "50%", marginBottom: "1rem" }} />
          <div className="skeleton" style={{ height: "6rem" }} />
        </div>
      </div>
    </div>
  )
}
