"use server"

import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { getAuthHeaders } from "./cookies"

/**
 * Try-on. The photo itself never passes through a server action: the dialog uploads it through the
 * streaming route (src/app/api/try-on), which forwards it to POST /store/try-on.
 */

export type KeepTryOnState = { ok: true } | { error: string; signIn?: boolean } | null

/**
 * Keeps a preview past the 24 hours after which Medusa deletes it (POST /store/try-on/:id/keep).
 * Only a signed-in shopper's previews can be kept: a guest is told to sign in.
 */
export async function keepTryOn(tryOnId: string): Promise<KeepTryOnState> {
  if (!/^[\w-]{1,64}$/.test(String(tryOnId))) return { error: "This preview cannot be kept. Try it on again." }
  const auth = await getAuthHeaders()
  if (!auth.authorization) return { error: "Sign in to keep your previews. Previews are deleted after 24 hours.", signIn: true }
  try {
    await sdk.client.fetch(`/store/try-on/${encodeURIComponent(tryOnId)}/keep`, {
      method: "POST",
      headers: auth,
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    })
    return { ok: true }
  } catch (error) {
    const status = errorStatus(error)
    if (status === 401) return { error: "Your session has ended. Sign in again to keep your previews.", signIn: true }
    if (status === 404) return { error: "This preview has expired. Try it on again to keep it." }
    return { error: medusaErrorMessage(error, "The preview could not be kept. Try again.") }
  }
}
