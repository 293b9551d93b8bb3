import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthWorkflowEvents, ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { passwordResetLink } from "../config/storefront"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string; metadata?: Record<string, unknown> }

/**
 * Medusa emits `auth.password_reset` with a one-time token (valid 15 minutes) when someone asks to
 * reset a password; the request itself never says whether the email has an account. The demo has
 * no email provider, so the link goes to the log, at warn level so it also shows where LOG_LEVEL
 * is warn (the test runs); a shop that sends email replaces this with a notification (Notification Module).
 */
export default async function passwordResetHandler({ event: { data }, container }: SubscriberArgs<PasswordResetEvent>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.warn(
    `Password reset for ${data.entity_id} (${data.actor_type}): no email is sent in this shop; the link (valid 15 minutes): ${passwordResetLink(data)}`
  )
}

export const config: SubscriberConfig = {
  event: AuthWorkflowEvents.PASSWORD_RESET,
  context: { subscriberId: "curator-password-reset-link" },
}
