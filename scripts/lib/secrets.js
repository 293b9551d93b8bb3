/**
 * The production server refuses to start without JWT_SECRET and COOKIE_SECRET; the demo makes
 * its own once and keeps them in .curator/secrets.json. Values set in the environment win.
 * STOREFRONT_REVALIDATE_SECRET is shared by the backend and the storefront: Medusa sends it when it
 * asks the storefront to expire cached catalog pages (POST /api/revalidate).
 */
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const NAMES = ["JWT_SECRET", "COOKIE_SECRET", "STOREFRONT_REVALIDATE_SECRET"]

/** Returns { JWT_SECRET, COOKIE_SECRET, STOREFRONT_REVALIDATE_SECRET } for the demo's servers' environment. */
function demoSecrets({ stateDir, env }) {
  const file = path.join(stateDir, "secrets.json")
  const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
  const secrets = {}
  let changed = false
  for (const name of NAMES) {
    if (env[name]) {
      secrets[name] = env[name]
      continue
    }
    if (!stored[name]) {
      stored[name] = crypto.randomBytes(32).toString("hex")
      changed = true
    }
    secrets[name] = stored[name]
  }
  if (changed) {
    fs.mkdirSync(stateDir, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 })
  }
  return secrets
}

/** Fresh secrets for a throw-away server (the browser tests'). */
function oneOffSecrets() {
  return Object.fromEntries(NAMES.map((name) => [name, crypto.randomBytes(24).toString("hex")]))
}

module.exports = { demoSecrets, oneOffSecrets }
