import "@modules/lookbooks/lookbooks.css"

export default function LookbooksLoading() {
  return (
    <div className="container page" aria-busy="true">
      <h1>Lookbooks</h1>
      <p role="status" className="muted">
        Loading lookbooks…
      </p>
      <ul className="lookbook-grid" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i}>
            <div className="skeleton" style={{ aspectRatio: "4 / 3" }} />
            <div className="skeleton" style={{ height: "1.2rem", marginTop: ".5rem", width: "60%" }} />
          </li>
        ))}
      </ul>
    </div>
  )
}
