/** While a look's photo is searched ("Shop this look"): the page's title and a status, not the listing's grid. */
export default function PhotoSearchLoading() {
  return (
    <div className="container page" aria-busy="true">
      <h1>Search by photo</h1>
      <p role="status">Searching the photo…</p>
    </div>
  )
}
