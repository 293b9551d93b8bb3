"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import type {
  StoreSocialComment,
  StoreSocialCommentListResponse,
  StoreSocialFeedTab,
  StoreSocialPost,
  StoreSocialPostListResponse,
  StoreSocialPostResponse,
  StoreSocialPostTag,
  StoreSocialProfile,
  StoreSocialProfileResponse,
  StoreSocialReply,
} from "@curator/types/social"
import { getRegion, shopCountry } from "./regions"
import { getAuthHeaders, isSignedIn } from "./cookies"
import { searchProducts } from "./products"
import { REPORT_REASONS } from "@modules/social/report-reasons"

// The social API's response types, declared once beside the backend's routes (src/types/http/social.ts).
export type Post = StoreSocialPost
export type PostTag = StoreSocialPostTag
export type PostPage = StoreSocialPostListResponse
export type Comment = StoreSocialComment
export type Reply = StoreSocialReply
export type Profile = StoreSocialProfile
export type FeedTab = StoreSocialFeedTab

// Social reads depend on who is asking (liked_by_me, followers-only posts): never cached.
async function read<T>(path: string, query: Record<string, unknown> = {}): Promise<T> {
  return sdk.client.fetch<T>(path, { query, headers: await getAuthHeaders(), cache: "no-store" })
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

const FEED_PAGE = 12

/** A page of the feed. Anonymous shoppers always get the popular tab (the backend decides that too). */
export async function getFeed(tab: FeedTab, cursor?: string | null): Promise<PostPage> {
  return read<PostPage>("/store/social/feed", { tab, limit: FEED_PAGE, ...(cursor ? { cursor } : {}) })
}

/** A post; its tagged products are priced for the country's region (the post page sells them). */
export async function getPost(id: string, countryCode?: string): Promise<Post | null> {
  const region = countryCode ? await getRegion(countryCode) : null
  return orNull(
    read<StoreSocialPostResponse>(`/store/social/posts/${encodeURIComponent(id)}`, region ? { region_id: region.id } : {}).then((r) => r.post)
  )
}

export async function listComments(postId: string): Promise<StoreSocialCommentListResponse> {
  return read<StoreSocialCommentListResponse>(`/store/social/posts/${encodeURIComponent(postId)}/comments`, { limit: 100 })
}

export async function getProfile(customerId: string): Promise<Profile | null> {
  return orNull(read<StoreSocialProfileResponse>(`/store/social/customers/${encodeURIComponent(customerId)}`).then((r) => r.profile))
}

export async function listCustomerPosts(customerId: string, cursor?: string | null): Promise<PostPage> {
  return read<PostPage>(`/store/social/customers/${encodeURIComponent(customerId)}/posts`, { limit: FEED_PAGE, ...(cursor ? { cursor } : {}) })
}

/** Posts that tag a product ("Worn by the community"); none when the backend has no social routes. */
export async function listProductPosts(productId: string, limit = 6): Promise<Post[]> {
  const page = await orNull(read<PostPage>(`/store/social/products/${encodeURIComponent(productId)}/posts`, { limit }))
  return page?.posts ?? []
}

/** "Load more" for the feed and profile lists (client components call this with the last cursor). */
export async function loadMorePosts(source: { tab: FeedTab } | { customer_id: string }, cursor: string): Promise<PostPage | { error: string }> {
  try {
    return "tab" in source ? await getFeed(source.tab, cursor) : await listCustomerPosts(source.customer_id, cursor)
  } catch (error) {
    return { error: medusaErrorMessage(error, "More posts could not be loaded. Try again.") }
  }
}

export type SocialActionResult = { error?: string; ok?: boolean }

/** Every write needs a signed-in customer: anonymous shoppers are sent to sign in first. */
async function requireSignIn(countryCode: string) {
  if (!(await isSignedIn())) redirect(`/${await shopCountry(countryCode)}/account`)
}

async function write<T>(path: string, method: "POST" | "DELETE", body?: Record<string, unknown>): Promise<T> {
  return sdk.client.fetch<T>(path, { method, ...(body ? { body } : {}), headers: await getAuthHeaders(), cache: "no-store" })
}

const postPath = (countryCode: string, postId: string) => `/${countryCode}/feed/posts/${postId}`

export async function setLiked(countryCode: string, postId: string, liked: boolean): Promise<{ post?: Post; error?: string }> {
  countryCode = await shopCountry(countryCode)
  await requireSignIn(countryCode)
  try {
    const { post } = await write<StoreSocialPostResponse>(`/store/social/posts/${encodeURIComponent(postId)}/like`, liked ? "POST" : "DELETE")
    return { post }
  } catch (error) {
    if (errorStatus(error) === 401) redirect(`/${countryCode}/account`)
    return { error: medusaErrorMessage(error, "That did not work. Try again.") }
  }
}

export async function setFollowing(countryCode: string, customerId: string, follow: boolean): Promise<{ profile?: Profile; error?: string }> {
  countryCode = await shopCountry(countryCode)
  await requireSignIn(countryCode)
  try {
    const { profile } = await write<StoreSocialProfileResponse>(
      `/store/social/customers/${encodeURIComponent(customerId)}/follow`,
      follow ? "POST" : "DELETE"
    )
    revalidatePath(`/${countryCode}/feed`, "layout")
    return { profile }
  } catch (error) {
    if (errorStatus(error) === 401) redirect(`/${countryCode}/account`)
    return { error: medusaErrorMessage(error, "That did not work. Try again.") }
  }
}

export type CommentFormState = { error?: string; ok?: number } | null

/** A comment, or a reply when parent_id is set. `ok` changes on every success so the form can clear itself. */
export async function addComment(_state: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const countryCode = await shopCountry(formData.get("country_code"))
  const postId = String(formData.get("post_id") || "")
  const parentId = String(formData.get("parent_id") || "")
  const body = String(formData.get("body") || "").trim()
  await requireSignIn(countryCode)
  if (!body) return { error: "Write something first." }
  if (body.length > 2000) return { error: "Comments can be at most 2000 characters." }
  try {
    await write(`/store/social/posts/${encodeURIComponent(postId)}/comments`, "POST", { body, ...(parentId ? { parent_id: parentId } : {}) })
  } catch (error) {
    return { error: medusaErrorMessage(error, "Your comment could not be posted. Try again.") }
  }
  revalidatePath(postPath(countryCode, postId))
  return { ok: Date.now() }
}

export async function deleteComment(countryCode: string, postId: string, commentId: string): Promise<SocialActionResult> {
  countryCode = await shopCountry(countryCode)
  await requireSignIn(countryCode)
  try {
    await write(`/store/social/comments/${encodeURIComponent(commentId)}`, "DELETE")
  } catch (error) {
    return { error: medusaErrorMessage(error, "The comment could not be deleted. Try again.") }
  }
  revalidatePath(postPath(countryCode, postId))
  return { ok: true }
}

export type ReportFormState = { error?: string; ok?: boolean } | null

export async function reportPost(_state: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const countryCode = await shopCountry(formData.get("country_code"))
  const postId = String(formData.get("post_id") || "")
  const reason = String(formData.get("reason") || "")
  const note = String(formData.get("note") || "").trim()
  await requireSignIn(countryCode)
  if (!REPORT_REASONS.some((r) => r.value === reason)) return { error: "Choose why you are reporting this post." }
  try {
    await write(`/store/social/posts/${encodeURIComponent(postId)}/reports`, "POST", { reason, ...(note ? { note: note.slice(0, 1000) } : {}) })
  } catch (error) {
    return { error: medusaErrorMessage(error, "The report could not be sent. Try again.") }
  }
  return { ok: true }
}

export async function deletePost(countryCode: string, postId: string): Promise<SocialActionResult> {
  countryCode = await shopCountry(countryCode)
  await requireSignIn(countryCode)
  try {
    await write(`/store/social/posts/${encodeURIComponent(postId)}`, "DELETE")
  } catch (error) {
    return { error: medusaErrorMessage(error, "The post could not be deleted. Try again.") }
  }
  revalidatePath(`/${countryCode}/feed`, "layout")
  redirect(`/${countryCode}/feed`)
}

export type TaggableProduct = { id: string; title: string; thumbnail: string | null; variants: { id: string; title: string | null }[] }

/** The shop's product search, for tagging products in a new post. */
export async function searchTaggableProducts(countryCode: string, q: string): Promise<TaggableProduct[] | { error: string }> {
  const text = q.trim().slice(0, 200)
  if (!text) return []
  try {
    const result = await searchProducts(countryCode, { q: text }, { limit: 8, offset: 0 })
    return result.products.map((p) => ({
      id: p.id,
      title: p.title,
      thumbnail: p.thumbnail,
      variants: p.variants.map((v) => ({ id: v.id, title: v.title })),
    }))
  } catch (error) {
    return { error: medusaErrorMessage(error, "The search did not work. Try again.") }
  }
}

// Posts are shared through the upload route (src/app/api/social/posts), which streams the photos
// to Medusa instead of buffering them in a server action.
