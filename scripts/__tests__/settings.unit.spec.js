const path = require("node:path")
const { parseDotEnv, readSettings } = require("../lib/settings")

const root = path.join(__dirname, "no-such-project")

describe("parseDotEnv", () => {
  it("reads KEY=value lines, strips quotes and skips the rest", () => {
    expect(parseDotEnv(`# comment\nA=1\n  B = "two words" \nC='x'\nnot a line\nD=\n`)).toEqual({ A: "1", B: "two words", C: "x", D: "" })
  })
})

describe("readSettings", () => {
  it("returns the defaults for an empty environment", () => {
    const settings = readSettings({ root, env: {}, dotEnvText: null })
    expect(settings).toMatchObject({
      stateDir: path.join(root, ".curator"),
      backendPort: 9000,
      publishableKeyFile: path.join(root, ".curator", "publishable-key.json"),
      database: { url: null, host: null, port: 5432, username: "postgres", password: "", name: "curator", embeddedPort: 54329 },
      storefront: { port: 8000, distDir: ".next" },
      sidecar: { port: 9100, host: "127.0.0.1", url: "http://localhost:9100" },
      chromiumPath: "/usr/bin/chromium",
    })
    expect(settings.env.MEDUSA_DISABLE_TELEMETRY).toBe("true")
  })

  it("lets the environment win over .env and follows the state folder", () => {
    const settings = readSettings({
      root,
      env: { PORT: "9300", CURATOR_STATE_DIR: "/tmp/state", ML_SIDECAR_PORT: "9500" },
      dotEnvText: "PORT=9200\nDATABASE_URL=postgres://u:p@db:5433/shop\nSTOREFRONT_PORT=8100\n",
    })
    expect(settings.backendPort).toBe(9300)
    expect(settings.storefront.port).toBe(8100)
    expect(settings.database.url).toBe("postgres://u:p@db:5433/shop")
    expect(settings.stateDir).toBe("/tmp/state")
    expect(settings.publishableKeyFile).toBe("/tmp/state/publishable-key.json")
    expect(settings.sidecar.url).toBe("http://localhost:9500")
    expect(settings.env.DATABASE_URL).toBe("postgres://u:p@db:5433/shop")
  })

  it("leaves process.env alone", () => {
    const before = { ...process.env }
    readSettings({ root, env: process.env, dotEnvText: "CURATOR_SETTINGS_TEST_ONLY=1\n" })
    expect(process.env).toEqual(before)
  })

  it("rejects a port that is not one", () => {
    expect(() => readSettings({ root, env: { PORT: "90x0" }, dotEnvText: null })).toThrow('PORT must be a port number (1-65535), got "90x0"')
    expect(() => readSettings({ root, env: { EMBEDDED_PG_PORT: "70000" }, dotEnvText: null })).toThrow(/EMBEDDED_PG_PORT/)
  })
})
