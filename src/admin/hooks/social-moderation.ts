import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { AdminSocialPostListResponse, AdminSocialPostResponse, SocialModerationAction, SocialPostStatus } from "../lib/types"

/** The queue (pending and reported posts, oldest first), every post, or the posts with one status. */
export type ModerationView = "queue" | "all" | SocialPostStatus

// Reports arrive all the time and other moderators decide too: every showing refetches (the
// dashboard's default keeps answers for 90 s).
const ALWAYS_REFETCH = { staleTime: 0 }

const moderationKeys = {
  all: ["curator-moderation"] as const,
  lists: () => [...moderationKeys.all, "list"] as const,
  list: (params: Record<string, string | number>) => [...moderationKeys.lists(), params] as const,
  detail: (id: string) => [...moderationKeys.all, "detail", id] as const,
}

export const useModeratedPosts = (view: ModerationView, offset: number, limit: number) =>
  useQuery({
    queryKey: moderationKeys.list({ view, offset, limit }),
    queryFn: () =>
      view === "queue"
        ? sdk.client.fetch<AdminSocialPostListResponse>("/admin/social/moderation-queue", { query: { limit, offset } })
        : sdk.client.fetch<AdminSocialPostListResponse>("/admin/social/posts", {
            query: { limit, offset, ...(view === "all" ? {} : { status: view }) },
          }),
    placeholderData: keepPreviousData,
    ...ALWAYS_REFETCH,
  })

/** One post with its reports and its author's history; null fetches nothing. */
export const useModeratedPost = (id: string | null) =>
  useQuery({
    queryKey: moderationKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminSocialPostResponse>(`/admin/social/posts/${id}`),
    select: (data) => data.post,
    enabled: !!id,
    ...ALWAYS_REFETCH,
  })

/** The author's latest posts, for the history beside a post. */
export const useAuthorPosts = (customerId: string | undefined) =>
  useQuery({
    queryKey: moderationKeys.list({ customer_id: customerId ?? "", limit: 10 }),
    queryFn: () => sdk.client.fetch<AdminSocialPostListResponse>("/admin/social/posts", { query: { customer_id: customerId, limit: 10 } }),
    select: (data) => data.posts,
    enabled: !!customerId,
  })

/** Approves, hides or removes a post; the answer is the post as it now stands, and the lists refresh. */
export const useModeratePost = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, note }: { action: SocialModerationAction; note: string }) =>
      sdk.client.fetch<AdminSocialPostResponse>(`/admin/social/posts/${id}/moderate`, {
        method: "POST",
        body: { action, note: note.trim() || null },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(moderationKeys.detail(id), data)
      return queryClient.invalidateQueries({ queryKey: moderationKeys.lists() })
    },
  })
}
