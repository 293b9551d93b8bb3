import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN_ROLE_MODULE } from ".."
import AdminRoleModuleService from "../service"
import { AdminRole } from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AdminRoleModuleService>({
  moduleName: ADMIN_ROLE_MODULE,
  resolve: "./src/modules/admin-role",
  moduleModels: [AdminRole],
  testSuite: ({ service }) => {
    describe("admin roles", () => {
      const users = ["user_a", "user_b", "user_c"]

      it("makes every user an administrator until told otherwise, and keeps one record per user", async () => {
        expect(await service.roleOf("user_a")).toBe("admin")
        expect(await service.assignRole({ user_id: "user_b", role: "moderator", user_ids: users })).toEqual({ previous: "admin" })
        expect(await service.roleOf("user_b")).toBe("moderator")
        expect(await service.assignRole({ user_id: "user_b", role: "moderator", user_ids: users })).toEqual({ previous: "moderator" })
        expect(await service.assignRole({ user_id: "user_b", role: "admin", user_ids: users })).toEqual({ previous: "moderator" })
        expect(await service.listAdminRoles({ user_id: "user_b" })).toHaveLength(1)
      })

      it("never demotes the last administrator, even when two demotions race", async () => {
        await service.assignRole({ user_id: "user_c", role: "moderator", user_ids: users })
        const results = await Promise.allSettled([
          service.assignRole({ user_id: "user_a", role: "moderator", user_ids: users }),
          service.assignRole({ user_id: "user_b", role: "moderator", user_ids: users }),
        ])
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"])
        const refusal = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason
        expect(refusal.message).toMatch(/is the last administrator and cannot become a moderator/)
        const roles = await Promise.all(users.map((u) => service.roleOf(u)))
        expect(roles.filter((r) => r === "admin")).toHaveLength(1)
        const lastAdmin = users[roles.indexOf("admin")]
        await expect(service.assignRole({ user_id: lastAdmin, role: "moderator", user_ids: users })).rejects.toThrow(/last administrator/)
        // A new user (no record yet) is an administrator: now the other one may step down.
        expect(await service.assignRole({ user_id: lastAdmin, role: "moderator", user_ids: [...users, "user_new"] })).toEqual({ previous: "admin" })
      })
    })
  },
})
