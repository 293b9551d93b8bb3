type Env = Record<string, string | undefined>

/** The storefront's public address (STOREFRONT_URL), for links the backend hands out; no trailing slash. */
export function storefrontUrl(env: Env = process.env): string {
  return (env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
}

/** The admin's public address: the backend's (MEDUSA_BACKEND_URL) under /app. */
export function adminUrl(env: Env = process.env): string {
  return `${(env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")}/app`
}

/**
 * Where a password reset token is used: the storefront's reset page for customers (in the
 * country the shopper asked from; without one the storefront sends them to its default
 * country), the admin's for users.
 */
export function passwordResetLink(
  reset: { actor_type: string; entity_id: string; token: string; metadata?: Record<string, unknown> },
  env: Env = process.env
): string {
  const query = `token=${encodeURIComponent(reset.token)}&email=${encodeURIComponent(reset.entity_id)}`
  if (reset.actor_type === "user") return `${adminUrl(env)}/reset-password?${query}`
  const country = typeof reset.metadata?.country_code === "string" ? reset.metadata.country_code.toLowerCase() : ""
  const prefix = /^[a-z]{2}$/.test(country) ? `/${country}` : ""
  return `${storefrontUrl(env)}${prefix}/account/reset-password?${query}`
}
