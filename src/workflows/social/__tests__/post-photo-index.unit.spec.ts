import { originalOf, type CandidatePost, type DuplicateHit } from "../post-photo-index"

const post = (id: string, customer_id: string, extra: Partial<CandidatePost> = {}): CandidatePost => ({
  id,
  customer_id,
  status: "published",
  created_at: "2026-12-01T10:00:00Z",
  customer: { first_name: "Ines", last_name: "Moreau" },
  ...extra,
})
const hit = (post_id: string, score: number, photo = 0): DuplicateHit => ({ photo, post_id, score, evidence: "hash" })

describe("originalOf", () => {
  it("names the closest near-copy of another author's live post, with the reason", () => {
    const found = originalOf([hit("spost_a", 0.91), hit("spost_b", 0.97)], [post("spost_a", "cus_other"), post("spost_b", "cus_other")], {
      customer_id: "cus_me",
      photos: [new Uint8Array()],
    })
    expect(found).toEqual({
      duplicate_of_post_id: "spost_b",
      reason: "A near-duplicate of post spost_b by @Ines M. (hash match, similarity 0.97)",
    })
  })

  it("never counts the author's own posts, removed or gone posts", () => {
    const posts = [post("spost_mine", "cus_me"), post("spost_removed", "cus_other", { status: "removed" })]
    const hits = [hit("spost_mine", 0.99), hit("spost_removed", 0.98), hit("spost_deleted", 0.97)]
    expect(originalOf(hits, posts, { customer_id: "cus_me", photos: [1] })).toEqual({ duplicate_of_post_id: null, reason: null })
  })

  it("counts only older posts in a late check, and says which photo it is when there are several", () => {
    const posts = [
      post("spost_old", "cus_x", { created_at: "2026-12-01T09:00:00Z" }),
      post("spost_new", "cus_x", { created_at: "2026-12-01T11:00:00Z" }),
    ]
    const found = originalOf([hit("spost_new", 0.99, 1), hit("spost_old", 0.9, 1)], posts, {
      customer_id: "cus_me",
      photos: [1, 2],
      created_before: new Date("2026-12-01T10:00:00Z"),
    })
    expect(found.duplicate_of_post_id).toBe("spost_old")
    expect(found.reason).toMatch(/^Photo 2 is a near-duplicate of post spost_old by @Ines M\./)
  })
})
