import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { DEMO_CUSTOMERS, demoAdmin, seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { signInDemoAdmin, signInDemoCustomer, signUpCustomer, storeHeaders } from "../helpers/api"
import { SOCIAL_MODULE } from "../../src/modules/social"
import SocialModuleService from "../../src/modules/social/service"

jest.setTimeout(300_000)

/**
 * Auto-hide by reports, weighed by the reporters' standing (account age, orders, earlier
 * reports moderators upheld or rejected), through the Store and Admin APIs: throwaway accounts
 * cannot take a post down, established shoppers can, and moderators see why a post is hidden.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<string, string> = {}
    const customerIds: Record<string, string> = {}
    let adminId = ""

    const call = (method: string, url: string, token?: string, data?: unknown) =>
      api.request({ method, url, data, headers: storeHeaders(store.publishableKey, token), validateStatus: () => true })
    const social = () => getContainer().resolve<SocialModuleService>(SOCIAL_MODULE)
    const newPost = (caption: string) => social().createSocialPosts({ customer_id: customerIds.author, caption })
    const report = async (postId: string, who: string, reason = "spam") => {
      const res = await call("post", `/store/social/posts/${postId}/reports`, tokens[who], { reason })
      expect([who, res.status, res.data?.message]).toEqual([who, 201, undefined])
    }
    const adminGet = async (url: string) => {
      const res = await call("get", url, tokens.admin)
      expect(res.status).toBe(200)
      return res.data
    }

    /** A shopper who signed up a moment ago: the throwaway account. */
    async function signUp(label: string) {
      const email = `${label}-${Date.now()}@throwaway.test`
      const shopper = await signUpCustomer(api, store.publishableKey, { email, first_name: label, last_name: "New" })
      tokens[label] = shopper.token
      customerIds[label] = shopper.customerId
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      await seedPeople(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { has_account: true } })
      const labels = ["author", "ines", "jonas", "maya", "oliver"]
      for (const [index, label] of labels.entries()) {
        const spec = DEMO_CUSTOMERS[index]
        customerIds[label] = customers.find((c: any) => c.email === spec.email)!.id
        tokens[label] = await signInDemoCustomer(api, index)
      }
      tokens.admin = await signInDemoAdmin(api)
      const { data: users } = await query.graph({ entity: "user", fields: ["id", "email"], filters: { email: demoAdmin().email } })
      adminId = users[0].id

      // Established shoppers: accounts two months old; Ines has also placed an order.
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`UPDATE customer SET created_at = now() - interval '60 days' WHERE id = ANY(?)`, [
        [customerIds.ines, customerIds.jonas, customerIds.maya, customerIds.oliver],
      ])
      await container.resolve(Modules.ORDER).createOrders({ customer_id: customerIds.ines, email: DEMO_CUSTOMERS[1].email, currency_code: "eur" })
      for (const label of ["fresh1", "fresh2", "fresh3"]) await signUp(label)
    })

    it("keeps a post up when three brand-new accounts report it, and queues it with the weighted score", async () => {
      const post = await newPost("Reported by throwaways")
      for (const who of ["fresh1", "fresh2", "fresh3"]) await report(post.id, who)
      expect((await call("get", `/store/social/posts/${post.id}`)).status).toBe(200) // still public

      const queue = await adminGet("/admin/social/moderation-queue")
      const queued = queue.posts.find((p: any) => p.id === post.id)
      expect(queued).toMatchObject({ status: "published", open_report_count: 3, open_report_score: 0.3, hidden_reason: null })
      expect(queued.reports.map((r: any) => [r.weight, r.reporter_standing])).toEqual(
        Array(3).fill([0.1, { account_age_days: expect.any(Number), orders: 0, upheld_reports: 0, rejected_reports: 0 }])
      )
      expect(queued.reports[0].reporter_standing.account_age_days).toBeLessThan(0.1)
    })

    it("hides a post once established reporters' weights reach the threshold, and the queue says why", async () => {
      const post = await newPost("Reported by regulars")
      await report(post.id, "ines", "counterfeit") // 1.25: 60 days old and an order
      await report(post.id, "fresh1") // 0.1
      await report(post.id, "jonas") // 1: 60 days old
      expect((await call("get", `/store/social/posts/${post.id}`)).status).toBe(200) // 2.35
      await report(post.id, "maya") // 3.35 ≥ 3
      expect((await call("get", `/store/social/posts/${post.id}`)).status).toBe(404)

      const { post: detail } = await adminGet(`/admin/social/posts/${post.id}`)
      expect(detail).toMatchObject({
        status: "hidden",
        open_report_count: 4,
        open_report_score: 3.35,
        moderated_by: "system:auto-hide",
        moderation_note: "Hidden automatically: 4 reports weighing 3.35 reached the threshold of 3",
        hidden_reason: { type: "reports", score: 3.35, threshold: 3, report_count: 4, at: expect.any(String) },
      })
      expect(detail.reports.map((r: any) => [r.customer_id, r.weight, r.reporter_standing.orders])).toEqual([
        [customerIds.ines, 1.25, 1],
        [customerIds.fresh1, 0.1, 0],
        [customerIds.jonas, 1, 0],
        [customerIds.maya, 1, 0],
      ])
      const queue = await adminGet("/admin/social/moderation-queue")
      expect(queue.posts.find((p: any) => p.id === post.id).hidden_reason).toMatchObject({ type: "reports", score: 3.35 })
    })

    it("names the moderator who hid or removed a post, and weighs reporters by how moderators judged their earlier reports", async () => {
      const upheld = await newPost("Removed after reports")
      const rejected = await newPost("Approved after reports")
      await report(upheld.id, "oliver")
      await report(rejected.id, "fresh2")
      const removed = await call("post", `/admin/social/posts/${upheld.id}/moderate`, tokens.admin, { action: "remove", note: "Counterfeit" })
      expect(removed.status).toBe(200)
      expect(removed.data.post.hidden_reason).toEqual({
        type: "moderator",
        action: "remove",
        moderator: { id: adminId, name: "Curator Admin" },
        note: "Counterfeit",
        at: expect.any(String),
      })
      expect(removed.data.post.reports[0]).toMatchObject({ outcome: "upheld", resolved_by: adminId })
      const kept = await call("post", `/admin/social/posts/${rejected.id}/moderate`, tokens.admin, { action: "approve" })
      expect(kept.data.post).toMatchObject({ status: "published", hidden_reason: null, open_report_score: 0 })
      expect(kept.data.post.reports[0].outcome).toBe("rejected")
      const hidden = await call("post", `/admin/social/posts/${rejected.id}/moderate`, tokens.admin, { action: "hide" })
      expect(hidden.data.post.hidden_reason).toMatchObject({ type: "moderator", action: "hide", moderator: { name: "Curator Admin" } })
      expect((await call("post", `/admin/social/posts/${rejected.id}/moderate`, tokens.admin, { action: "approve" })).status).toBe(200)

      // Their next reports: Oliver's upheld report counts up (1 + 0.25), fresh2's rejected one halves a throwaway's 0.1.
      const next = await newPost("Reported again")
      await report(next.id, "oliver")
      await report(next.id, "fresh2")
      const { post: detail } = await adminGet(`/admin/social/posts/${next.id}`)
      expect(detail.reports.map((r: any) => [r.customer_id, r.weight])).toEqual([
        [customerIds.oliver, 1.25],
        [customerIds.fresh2, 0.05],
      ])
      expect(detail.reports[0].reporter_standing).toMatchObject({ upheld_reports: 1, rejected_reports: 0 })
      expect(detail.reports[1].reporter_standing).toMatchObject({ upheld_reports: 0, rejected_reports: 1 })
      expect(detail.open_report_score).toBe(1.3)
    })
  },
})
