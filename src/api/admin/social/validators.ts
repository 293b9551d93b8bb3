import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { MODERATION_ACTIONS, POST_STATUSES } from "../../../modules/social/constants"

const listParams = {
  ...createSelectParams().shape,
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .optional()
    .default(20),
  offset: z.coerce.number({ error: "offset must be a number" }).int().min(0, "offset must be 0 or more").optional().default(0),
}

export const AdminGetSocialPostsParams = z
  .object({
    status: z.enum(POST_STATUSES, { error: `status must be one of ${POST_STATUSES.join(", ")}` }).optional(),
    reported: z.enum(["true", "false"], { error: "reported must be true or false" }).optional(),
    customer_id: z.string().trim().min(1).max(100).optional(),
    ...listParams,
  })
  .strict()
export type AdminGetSocialPostsParamsType = z.infer<typeof AdminGetSocialPostsParams>

export const AdminGetModerationQueueParams = z.object(listParams).strict()
export type AdminGetModerationQueueParamsType = z.infer<typeof AdminGetModerationQueueParams>

export const AdminModerateSocialPost = z
  .object({
    action: z.enum(MODERATION_ACTIONS, { error: `action must be one of ${MODERATION_ACTIONS.join(", ")}` }),
    note: z.string().trim().max(1000, "note must be at most 1000 characters").nullish(),
  })
  .strict()
export type AdminModerateSocialPostType = z.infer<typeof AdminModerateSocialPost>

/** One post: `fields` picks from its response fields (query-config.ts). */
export const AdminGetSocialPostParams = createSelectParams().strict()
