/** Medusa CLI steps the commands share: migrations and the demo seed. */
const { medusaBin } = require("./builds")

/** @param env the environment over the settings' (DATABASE_URL at least) */
function migrate({ settings, supervisor }, env) {
  return supervisor.run(medusaBin(settings.root), ["db:migrate", "--execute-safe-links", "--execute-safe-search"], {
    name: "medusa",
    env: { ...settings.env, ...env },
  })
}

/** The seed writes the storefront's publishable key to CURATOR_PUBLISHABLE_KEY_FILE (default .curator/publishable-key.json). */
function seed({ settings, supervisor }, env) {
  return supervisor.run(medusaBin(settings.root), ["exec", "./src/scripts/seed.ts"], {
    name: "medusa",
    env: { ...settings.env, CURATOR_PUBLISHABLE_KEY_FILE: settings.publishableKeyFile, ...env },
  })
}

module.exports = { migrate, seed }
