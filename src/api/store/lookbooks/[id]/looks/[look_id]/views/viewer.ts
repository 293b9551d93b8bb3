import { createHmac } from "node:crypto"
import { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientAddress } from "../../../../../../../rate-limit/client-ip"
import { sharedRateLimiter } from "../../../../../../../rate-limit/middleware"
import { viewerIdOf } from "../../../../../../identity"

/**
 * LOOK_VIEW_PERIOD_MINUTES (default 30): a viewer's views of one look count once per period of
 * this many minutes. A bad value is an error naming the setting.
 */
export function lookViewPeriodMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LOOK_VIEW_PERIOD_MINUTES
  if (raw === undefined || raw === "") return 30 * 60_000
  const minutes = Number(raw)
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 60 * 24 * 31) {
    throw new Error(`LOOK_VIEW_PERIOD_MINUTES="${raw}" must be a number of minutes from 1 to 44640 (31 days)`)
  }
  return Math.round(minutes * 60_000)
}

/**
 * Who is looking: the signed-in customer ("customer:<id>"), else a keyed hash of the client's
 * address (as the rate limits see it) and user agent ("anon:<hash>"). The hash is keyed with
 * the cookie secret, so a stored key cannot be turned back into an address by trying them all.
 */
export function lookViewerKey(req: MedusaRequest): string {
  const customerId = viewerIdOf(req)
  if (customerId) return `customer:${customerId}`
  const { projectConfig } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = String(projectConfig.http.cookieSecret ?? projectConfig.http.jwtSecret ?? "")
  const address = clientAddress(req, sharedRateLimiter().settings.proxy_hops)
  const agent = String(req.headers["user-agent"] ?? "")
  return `anon:${createHmac("sha256", secret).update(`${address}\n${agent}`).digest("base64url").slice(0, 32)}`
}
