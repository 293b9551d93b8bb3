import fs from "node:fs"
import os from "node:os"
import path from "node:path"

/**
 * Where the local file provider keeps files in http tests: public ones in ./static (served at
 * /static), private ones in a folder of this test file's own (FILE_PRIVATE_UPLOAD_DIR), so that
 * counting files is exact even while other test files run.
 */
export const PUBLIC_DIR = path.join(process.cwd(), "static")

/** Call at a spec file's top level, before the test runner starts Medusa. */
export function isolatePrivateUploads(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "curator-private-files-"))
  process.env.FILE_PRIVATE_UPLOAD_DIR = dir
  return dir
}

/** The file key in a public (/static/<key>) or signed (/files/private/<key>?...) URL. */
export function fileKeyOf(url: string): string {
  const { pathname } = new URL(url)
  return decodeURIComponent(pathname.replace(/^\/static\//, "").replace(/^\/files\/private\//, ""))
}

/** The path and query of a URL, for the test's HTTP client. */
export const pathAndQuery = (url: string) => {
  const u = new URL(url)
  return u.pathname + u.search
}

export const isSignedUrl = (url: string) => /\/files\/private\/[^/?]+\?expires=\d+&signature=[\w-]+$/.test(url)

/** The file on disk for a file key: the local provider keeps `private-` keys in the private folder. */
export const storedPath = (fileKey: string, privateDir: string) => path.join(fileKey.startsWith("private-") ? privateDir : PUBLIC_DIR, fileKey)

export const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])
