/**
 * Production builds of the backend (`medusa build`, ~40 s) and the storefront (`next build`,
 * minutes on a small machine), each skipped when it is newer than every source file.
 */
const fs = require("node:fs")
const path = require("node:path")

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0
  // lstat: a symlinked folder is not followed (no loops), its own time counts.
  const stat = fs.lstatSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

/** True when `marker` (a file the build writes last) is missing or older than any of `sources`. */
function isStale(marker, sources) {
  const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0
  return builtAt <= Math.max(...sources.map(newestMtime))
}

const medusaBin = (root) => path.join(root, "node_modules", ".bin", "medusa")
const nextBin = (storefrontDir) => path.join(storefrontDir, "node_modules", ".bin", "next")
const storefrontInstalled = (settings) => fs.existsSync(nextBin(settings.storefront.dir))

/**
 * What `medusa build` bakes into the admin's bundle from the environment (medusa-config's `admin`): a
 * build made with other values is stale, whatever the sources' times (a bundle pointing at another
 * run's port cannot sign in).
 */
function adminBuildSettings(env) {
  return JSON.stringify({ backendUrl: env.MEDUSA_BACKEND_URL || "/", disabled: env.MEDUSA_ADMIN_DISABLED === "true" })
}

/** `env`: over the settings' environment (medusa-config needs DATABASE_URL even to build). */
async function buildBackendIfStale({ settings, supervisor, log }, env = {}) {
  const { root } = settings
  const buildEnv = { ...settings.env, ...env }
  const sourcesNewer = isStale(
    path.join(settings.buildDir, "package.json"),
    ["src", "medusa-config.ts", "package.json"].map((f) => path.join(root, f))
  )
  const stamp = path.join(settings.buildDir, ".curator-admin-settings.json")
  const admin = adminBuildSettings(buildEnv)
  const adminDiffers = !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== admin
  if (!sourcesNewer && !adminDiffers && !settings.forceBuild) return log("production build is up to date")
  await supervisor.run(medusaBin(root), ["build"], { name: "medusa", env: buildEnv })
  fs.writeFileSync(stamp, admin)
}

async function buildStorefrontIfStale({ settings, supervisor, log }) {
  const { dir, distDir } = settings.storefront
  const sources = ["src", "package.json", "package-lock.json", "next.config.mjs", "tsconfig.json"].map((f) => path.join(dir, f))
  if (!isStale(path.join(dir, distDir, "BUILD_ID"), sources) && !settings.forceBuild) return log("storefront production build is up to date")
  log("building the storefront (next build)")
  await supervisor.run(nextBin(dir), ["build"], {
    name: "next",
    cwd: dir,
    env: { ...settings.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  })
}

/**
 * `medusa start` runs in .medusa/server, which `medusa build` wipes: it needs the project's
 * node_modules, and it serves /static from its own folder while the seed and the local file
 * provider write to the project's static/ and private/ (FILE_PRIVATE_UPLOAD_DIR). Link them back.
 */
function linkBuildToProject(settings) {
  for (const dir of ["static", "private"]) fs.mkdirSync(path.join(settings.root, dir), { recursive: true })
  for (const name of ["node_modules", "static", "private"]) {
    const link = path.join(settings.buildDir, name)
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(settings.root, name), link, "dir")
  }
}

module.exports = { newestMtime, isStale, medusaBin, nextBin, storefrontInstalled, buildBackendIfStale, buildStorefrontIfStale, linkBuildToProject }
