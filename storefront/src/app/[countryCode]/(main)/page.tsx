export default async function HomePage() {
  return <div className="container page"><h1>Curator</h1></div>
}
