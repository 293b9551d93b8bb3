const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { buildBackendIfStale, isStale } = require("../lib/builds")
const { readPublishableKey } = require("../lib/publishable-key")
const { demoSecrets } = require("../lib/secrets")
const { percentile } = require("../../bench/stats")

let dir
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "curator-launcher-"))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("demoSecrets", () => {
  it("makes the secrets once and returns the same ones afterwards", () => {
    const first = demoSecrets({ stateDir: dir, env: {} })
    expect(first.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.COOKIE_SECRET).not.toBe(first.JWT_SECRET)
    expect(demoSecrets({ stateDir: dir, env: {} })).toEqual(first)
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600)
  })

  it("prefers secrets set in the environment", () => {
    expect(demoSecrets({ stateDir: dir, env: { JWT_SECRET: "given" } }).JWT_SECRET).toBe("given")
  })
})

describe("readPublishableKey", () => {
  it("reads the token the seed wrote", () => {
    const file = path.join(dir, "publishable-key.json")
    fs.writeFileSync(file, JSON.stringify({ token: "pk_123", title: "Curator Storefront" }))
    expect(readPublishableKey(file)).toBe("pk_123")
  })

  it("says to seed when there is no key", () => {
    expect(() => readPublishableKey(path.join(dir, "missing.json"))).toThrow(/seed the demo shop first/)
    const file = path.join(dir, "publishable-key.json")
    fs.writeFileSync(file, JSON.stringify({ token: 42 }))
    expect(() => readPublishableKey(file)).toThrow(/holds no publishable key/)
  })
})

describe("buildBackendIfStale", () => {
  it("builds again when the admin's backend URL differs from the build's, however new the build", async () => {
    const root = path.join(dir, "project")
    const buildDir = path.join(root, ".medusa", "server")
    fs.mkdirSync(path.join(root, "src"), { recursive: true })
    fs.writeFileSync(path.join(root, "medusa-config.ts"), "")
    fs.writeFileSync(path.join(root, "package.json"), "{}")
    for (const f of ["src", "medusa-config.ts", "package.json"]) fs.utimesSync(path.join(root, f), new Date(2000, 0, 1), new Date(2000, 0, 1))
    const builds = []
    const context = {
      settings: { root, buildDir, env: {}, forceBuild: false },
      log: () => {},
      supervisor: {
        // What `medusa build` leaves: the server folder with its package.json.
        run: async (_bin, _args, { env }) => {
          builds.push(env.MEDUSA_BACKEND_URL)
          fs.mkdirSync(buildDir, { recursive: true })
          fs.writeFileSync(path.join(buildDir, "package.json"), "{}")
        },
      },
    }
    await buildBackendIfStale(context, { MEDUSA_BACKEND_URL: "" })
    await buildBackendIfStale(context, {}) // the same admin: "/"
    expect(builds).toEqual([""])
    await buildBackendIfStale(context, { MEDUSA_BACKEND_URL: "http://localhost:41000" })
    await buildBackendIfStale(context, { MEDUSA_BACKEND_URL: "http://localhost:41000" })
    expect(builds).toEqual(["", "http://localhost:41000"])
  })
})

describe("isStale", () => {
  it("compares the build's marker with the newest source file", () => {
    const sources = path.join(dir, "src")
    fs.mkdirSync(path.join(sources, "nested"), { recursive: true })
    const source = path.join(sources, "nested", "a.ts")
    const marker = path.join(dir, "BUILD_ID")
    fs.writeFileSync(source, "")
    expect(isStale(marker, [sources])).toBe(true) // never built
    fs.writeFileSync(marker, "")
    fs.utimesSync(source, new Date(2000, 0, 1), new Date(2000, 0, 1))
    expect(isStale(marker, [sources])).toBe(false)
    fs.utimesSync(source, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000))
    expect(isStale(marker, [sources])).toBe(true)
  })
})

describe("percentile (bench/stats.js)", () => {
  it("takes the nearest rank without reordering the input", () => {
    const values = [5, 1, 4, 2, 3]
    expect(percentile(values, 50)).toBe(3)
    expect(percentile(values, 95)).toBe(5)
    expect(percentile(values, 0)).toBe(1)
    expect(values).toEqual([5, 1, 4, 2, 3])
    expect(percentile([], 50)).toBeNaN()
  })
})
