import { z } from "@medusajs/framework/zod"

/** POST /store/customers/me/password: the current password proves it is the customer; the new one replaces it. */
export const StoreChangePassword = z
  .object({
    current_password: z.string({ error: "current_password is required" }).min(1, "current_password must not be empty"),
    new_password: z
      .string({ error: "new_password is required" })
      .min(8, "new_password must have at least 8 characters")
      .max(200, "new_password must have at most 200 characters"),
  })
  .strict()

export type StoreChangePasswordType = z.infer<typeof StoreChangePassword>
