/**
 * Placeholder while a listing loads: same grid shape, so nothing jumps. Only listings have one:
 * a streamed fallback delays the first full paint (LCP) of a page by a reveal step.
 */
export default function ListingSkeleton() {
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
