export default function Loading() {
  return (
    <div className="container page" aria-busy="true">
      <p role="status">Loading your checkout…</p>
      <div className="skeleton" style={{ height: "20rem" }} />
    </div>
  )
}
