/** Placeholder while a page's data loads: same grid shape as a listing, so nothing jumps. */
export default function Loading() {
  return (
    <div className="container page" aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading…
      </p>
      <div className="skeleton" style={{ height: "2.2rem", width: "40%", marginBottom: "1.5rem" }} />
      <ul className="product-grid" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i}>
            <div className="skeleton" style={{ aspectRatio: "3 / 4" }} />
            <div className="skeleton" style={{ height: "1rem", marginTop: ".5rem", width: "70%" }} />
          </li>
        ))}
      </ul>
    </div>
  )
}
