export default function WardrobeLoading() {
  return (
    <div aria-busy="true">
      <h1>Your wardrobe</h1>
      <p role="status" className="muted">
        Loading your wardrobe…
      </p>
      <ul className="item-grid" aria-hidden="true">
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
