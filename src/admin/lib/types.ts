/**
 * What the admin pages read and send. The answers' shapes are the backend's own (src/types/http,
 * type-only); the response envelopes and request bodies the lookbook pages use are declared here.
 */
import type { AdminLookbook, AdminLookbookHotspot, AdminLookbookLook, AdminLookbookSummary } from "../../types/http/lookbook"

export type { AdminLookbook, AdminLookbookHotspot, AdminLookbookLook, AdminLookbookSummary } from "../../types/http/lookbook"
export type {
  AdminSocialHiddenReason,
  AdminSocialPost,
  AdminSocialPostDetail,
  AdminSocialPostListResponse,
  AdminSocialPostResponse,
  AdminSocialReporterStanding,
  SocialModerationAction,
  SocialPostStatus,
} from "../../types/http/social"
export type { AdminRoleName, AdminUserRoleResponse } from "../../types/http/user-role"
export type {
  AdminProductVisualImage,
  AdminProductVisualIndexResponse,
  AdminVisualAnalyticsCounts,
  AdminVisualAnalyticsResponse,
  AdminVisualIndexCounts,
  AdminVisualIndexFailure,
  AdminVisualIndexResponse,
  AdminVisualModelVersionCounts,
  AdminVisualReindexResponse,
  AdminVisualSidecar,
  VisualImageStatus,
} from "../../types/http/visual-admin"

export type AdminLookbookResponse = { lookbook: AdminLookbook }
export type AdminLookbookListResponse = { lookbooks: AdminLookbookSummary[]; count: number; offset: number; limit: number }
export type AdminLookbookLookResponse = { look: AdminLookbookLook }

/** GET /admin/products/:id/lookbooks: the lookbooks whose looks feature the product. */
export type AdminProductLookbooksResponse = {
  lookbooks: (Pick<AdminLookbookSummary, "id" | "title" | "handle" | "status" | "season" | "cover_image_url" | "position"> & {
    featured_look_count: number
  })[]
}

export type AdminLookbookListParams = { q?: string; limit: number; offset: number }
export type AdminCreateLookbookBody = { title: string; season?: string; description?: string }
export type AdminUpdateLookbookBody = Partial<
  Pick<AdminLookbook, "title" | "handle" | "status" | "position"> & { description: string; season: string }
>
/** What POST …/looks/:look_id/hotspots takes: the look's whole new set of hotspots. */
export type AdminHotspotInput = Pick<AdminLookbookHotspot, "x" | "y" | "product_id" | "variant_id">
