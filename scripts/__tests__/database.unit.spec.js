const { serverUrl, testRunnerSettings, withDatabase } = require("../lib/database")

describe("testRunnerSettings", () => {
  it("names a loopback server localhost, which Medusa's test runner connects to without SSL", () => {
    expect(testRunnerSettings(new URL("postgres://postgres:postgres@127.0.0.1:54329/curator"))).toEqual({
      DB_HOST: "localhost",
      DB_PORT: "54329",
      DB_USERNAME: "postgres",
      DB_PASSWORD: "postgres",
    })
  })

  it("decodes credentials and defaults the port", () => {
    expect(testRunnerSettings(new URL("postgres://shop%40eu:p%2Fw@db.internal/x"))).toEqual({
      DB_HOST: "db.internal",
      DB_PORT: "5432",
      DB_USERNAME: "shop@eu",
      DB_PASSWORD: "p/w",
    })
  })
})

describe("serverUrl and withDatabase", () => {
  it("build a URL that survives a round trip through the test runner's settings", () => {
    const server = serverUrl({ host: "::1", port: 5433, username: "a b", password: "p@ss" })
    expect(server.toString()).toBe("postgres://a%20b:p%40ss@localhost:5433/")
    const url = withDatabase(server, "curator_e2e")
    expect(url.pathname).toBe("/curator_e2e")
    expect(testRunnerSettings(url)).toEqual({ DB_HOST: "localhost", DB_PORT: "5433", DB_USERNAME: "a b", DB_PASSWORD: "p@ss" })
  })
})
