/**
 * Who may see a post, written once, as SQL over `social_post p`: the author their own posts
 * (`own`: whatever their status, as on a profile or a post page, or once published, as in
 * feeds); anyone else a published post that is public, or for followers while they follow the
 * author now. Anonymous shoppers (viewer null) see published public posts only. The service's
 * canView, profile counts and every feed use this one predicate.
 */
export function postVisibleToSql(
  viewer: string | null | undefined,
  bind: (value: unknown) => string,
  own: "any_status" | "published" = "any_status"
): string {
  if (!viewer) return `(p.status = 'published' AND p.visibility = 'public')`
  const ownPost = own === "any_status" ? `p.customer_id = ${bind(viewer)}` : `(p.customer_id = ${bind(viewer)} AND p.status = 'published')`
  const followsAuthorNow = `EXISTS (SELECT 1 FROM social_follow fv WHERE fv.follower_id = ${bind(viewer)} AND fv.followed_id = p.customer_id AND fv.deleted_at IS NULL)`
  return `(${ownPost} OR (p.status = 'published' AND (p.visibility = 'public' OR (p.visibility = 'followers' AND ${followsAuthorNow}))))`
}
