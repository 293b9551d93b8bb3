import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { isSignedIn } from "@lib/data/cookies"
import { signInPath } from "@lib/util/return-to"
import CreatePostForm from "@modules/social/components/create-post-form"
import "@modules/social/social.css"
import Breadcrumbs from "@modules/common/components/breadcrumbs"

export const metadata: Metadata = { title: "Share an outfit" }

export default async function NewPostPage({ params }: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await params
  if (!(await isSignedIn())) redirect(signInPath(countryCode, `/${countryCode}/feed/new`))
  return (
    <div className="container page">
      <Breadcrumbs trail={[{ href: `/${countryCode}/feed`, label: "Feed" }]} />
      <h1>Share an outfit</h1>
      <CreatePostForm countryCode={countryCode} />
    </div>
  )
}
