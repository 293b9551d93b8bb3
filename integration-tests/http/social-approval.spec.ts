import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { DEMO_CUSTOMERS, seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { solidJpeg } from "../helpers/images"
import { multipartForm } from "../helpers/multipart"

// The social module's options come from the environment when medusa-config is loaded (in the
// runner's beforeAll, after this file is imported): posts wait for approval, and one report from an established account hides.
process.env.SOCIAL_REQUIRE_APPROVAL = "true"
process.env.SOCIAL_AUTO_HIDE_REPORT_THRESHOLD = "1"

jest.setTimeout(300_000)

/** The moderation options: require_approval and auto_hide_report_threshold, set through src/config/modules.ts. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<"a" | "b" | "admin", string> = { a: "", b: "", admin: "" }
    const call = apiCaller(api, () => store.publishableKey, tokens)

    beforeAll(async () => {
      store = await seedStore(getContainer())
      await seedPeople(getContainer())
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)
    })

    const newPost = async (caption: string) => {
      const form = multipartForm({ caption }, [{ field: "photos", bytes: await solidJpeg(20, 20), name: "look.jpg" }])
      const res = await call("post", "/store/social/posts", "a", form)
      expect(res.status).toBe(201)
      return res.data.post
    }

    it("holds new posts as pending until an admin approves them, and hides a post at the first report", async () => {
      const post = await newPost("Waiting for approval")
      expect(post.status).toBe("pending")
      expect((await call("get", `/store/social/posts/${post.id}`, "a")).data.post.status).toBe("pending")
      expect((await call("get", `/store/social/posts/${post.id}`, "b")).status).toBe(404)
      expect((await call("get", `/store/social/posts/${post.id}`)).status).toBe(404)
      expect((await call("get", "/store/social/feed", "b")).data.posts).toEqual([])
      const queue = await call("get", "/admin/social/moderation-queue", "admin")
      expect(queue.data.posts.map((p: any) => [p.id, p.status])).toEqual([[post.id, "pending"]])

      const approved = await call("post", `/admin/social/posts/${post.id}/moderate`, "admin", { action: "approve" })
      expect(approved.data.post.status).toBe("published")
      expect((await call("get", "/store/social/feed", "b")).data.posts.map((p: any) => p.id)).toEqual([post.id])

      // auto_hide_report_threshold 1: one report from an established account (full weight) hides the post.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw("UPDATE customer SET created_at = now() - interval '60 days' WHERE email = ?", [DEMO_CUSTOMERS[1].email])
      expect((await call("post", `/store/social/posts/${post.id}/reports`, "b", { reason: "spam" })).status).toBe(201)
      expect((await call("get", `/store/social/posts/${post.id}`, "b")).status).toBe(404)
      expect((await call("get", `/store/social/posts/${post.id}`, "a")).data.post.status).toBe("hidden")

      const rejected = await newPost("Not this one")
      await call("post", `/admin/social/posts/${rejected.id}/moderate`, "admin", { action: "remove", note: "Off topic" })
      expect((await call("get", `/store/social/posts/${rejected.id}`, "b")).status).toBe(404)
      expect((await call("get", `/store/social/posts/${rejected.id}`, "a")).data.post.status).toBe("removed")
    })
  },
})
