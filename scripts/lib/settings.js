/**
 * The launcher's settings, read once from the environment and the project's .env.
 * They are returned as a value: nothing is written back into process.env, and each
 * child process gets the environment built for it from these settings.
 */
const fs = require("node:fs")
const path = require("node:path")

/** KEY=value lines of a .env file (surrounding quotes stripped; comments and other lines ignored). */
function parseDotEnv(text) {
  const values = {}
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/)
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2")
  }
  return values
}

function port(name, value, fallback) {
  if (value === undefined || value === "") return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1 || number > 65535) throw new Error(`${name} must be a port number (1-65535), got "${value}"`)
  return number
}

/**
 * @param {{ root: string, env?: NodeJS.ProcessEnv, dotEnvText?: string | null }} options
 *   dotEnvText: the .env file's text (default: read from root/.env when it exists)
 */
function readSettings({ root, env = process.env, dotEnvText }) {
  const dotEnvFile = path.join(root, ".env")
  const text = dotEnvText !== undefined ? dotEnvText : fs.existsSync(dotEnvFile) ? fs.readFileSync(dotEnvFile, "utf8") : null
  // The process environment wins over .env, as with Medusa's own loadEnv.
  const merged = { MEDUSA_DISABLE_TELEMETRY: "true", ...(text ? parseDotEnv(text) : {}), ...env }
  const stateDir = path.resolve(root, merged.CURATOR_STATE_DIR || ".curator")
  const sidecarPort = port("ML_SIDECAR_PORT", merged.ML_SIDECAR_PORT, 9100)
  return Object.freeze({
    root,
    env: Object.freeze(merged),
    stateDir,
    debug: Boolean(merged.CURATOR_DEBUG),
    forceBuild: Boolean(merged.CURATOR_FORCE_BUILD),
    buildDir: path.join(root, ".medusa", "server"),
    // Written by src/scripts/seed.ts (it reads the same variable, with the same default).
    publishableKeyFile: path.resolve(root, merged.CURATOR_PUBLISHABLE_KEY_FILE || path.join(stateDir, "publishable-key.json")),
    database: Object.freeze({
      url: merged.DATABASE_URL || null,
      // Medusa's test runner reads DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD instead of a URL.
      host: merged.DB_HOST || null,
      port: port("DB_PORT", merged.DB_PORT, 5432),
      username: merged.DB_USERNAME || "postgres",
      password: merged.DB_PASSWORD || "",
      name: merged.DB_NAME || "curator",
      embeddedPort: port("EMBEDDED_PG_PORT", merged.EMBEDDED_PG_PORT, 54329),
    }),
    backendPort: port("PORT", merged.PORT, 9000),
    storefront: Object.freeze({
      port: port("STOREFRONT_PORT", merged.STOREFRONT_PORT, 8000),
      dir: path.join(root, "storefront"),
      // next.config.mjs builds into NEXT_DIST_DIR, so a second checkout folder is followed too.
      distDir: merged.NEXT_DIST_DIR || ".next",
    }),
    sidecar: Object.freeze({
      dir: path.join(root, "ml-sidecar"),
      port: sidecarPort,
      // Loopback unless ML_SIDECAR_HOST says otherwise (then the sidecar requires ML_SIDECAR_TOKEN).
      host: merged.ML_SIDECAR_HOST || "127.0.0.1",
      url: `http://localhost:${sidecarPort}`,
    }),
    chromiumPath: merged.CHROMIUM_PATH || "/usr/bin/chromium",
  })
}

module.exports = { parseDotEnv, readSettings }
