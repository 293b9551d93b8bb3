/**
 * The storefront's publishable API key, as the seed (src/scripts/seed.ts) writes it:
 * { "token": "pk_…", "title": "Curator Storefront" } in .curator/publishable-key.json, or in
 * CURATOR_PUBLISHABLE_KEY_FILE when the seed ran with it set. No script reads the api_key table.
 */
const fs = require("node:fs")

function readPublishableKey(file) {
  if (!fs.existsSync(file)) throw new Error(`no publishable key at ${file}: seed the demo shop first (npm run seed)`)
  const { token } = JSON.parse(fs.readFileSync(file, "utf8"))
  if (typeof token !== "string" || !token.startsWith("pk_")) throw new Error(`${file} holds no publishable key token: seed the demo shop again`)
  return token
}

module.exports = { readPublishableKey }
