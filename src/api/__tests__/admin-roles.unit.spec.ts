import { moderatorMayCall } from "../admin-roles"

describe("moderatorMayCall", () => {
  it("allows the moderation API with every method", () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      expect(moderatorMayCall(method, "/admin/social/moderation-queue")).toBe(true)
      expect(moderatorMayCall(method, "/admin/social/posts/spost_1/moderate")).toBe(true)
    }
    expect(moderatorMayCall("GET", "/admin/social")).toBe(true)
  })

  it("allows the dashboard shell's reads only, and the moderator's own role", () => {
    expect(moderatorMayCall("GET", "/admin/users/me?fields=*")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/stores")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/feature-flags")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/users/me/role")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/layouts/sidebar/configuration")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/layouts/configurations")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/layouts/order.list/configuration")).toBe(false)
    expect(moderatorMayCall("POST", "/admin/layouts/sidebar/configuration")).toBe(false)
    expect(moderatorMayCall("GET", "/admin/users/user_1/role", "user_1")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/users/user_2/role", "user_1")).toBe(false)
    expect(moderatorMayCall("POST", "/admin/users/me/role")).toBe(false)
    expect(moderatorMayCall("POST", "/admin/users/me")).toBe(false)
    expect(moderatorMayCall("POST", "/admin/stores/store_1")).toBe(false)
  })

  it("refuses everything else: catalog, orders, customers, users, lookbooks", () => {
    for (const path of [
      "/admin/products",
      "/admin/orders",
      "/admin/customers",
      "/admin/users",
      "/admin/users/user_2",
      "/admin/lookbooks",
      "/admin/products/prod_1/lookbooks",
      "/admin/api-keys",
      "/admin/socialite",
      "/admin/uploads",
    ]) {
      expect([path, moderatorMayCall("GET", path)]).toEqual([path, false])
    }
  })

  it("matches as the router does: case and a trailing slash do not open other routes", () => {
    expect(moderatorMayCall("GET", "/admin/SOCIAL/posts/")).toBe(true)
    expect(moderatorMayCall("GET", "/admin/Products/")).toBe(false)
    expect(moderatorMayCall("GET", "/admin/social/../products")).toBe(true) // the router does not resolve "..": no route answers it
    expect(moderatorMayCall("GET", "/admin/%73ocial/posts")).toBe(false)
  })
})
