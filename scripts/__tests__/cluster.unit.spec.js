const fs = require("node:fs")
const { NGINX_TEMPLATE, renderNginxTemplate } = require("../lib/cluster")

describe("renderNginxTemplate", () => {
  const template = fs.readFileSync(NGINX_TEMPLATE, "utf8")
  const values = {
    CURATOR_MEDUSA_SERVERS: "server 127.0.0.1:9001;\n    server 127.0.0.1:9002;",
    CURATOR_PROXY_PORT: "127.0.0.1:9380",
    CURATOR_NGINX_LOCATIONS: "/tmp/locations",
  }

  it("fills the committed template's placeholders and leaves nginx's own variables alone", () => {
    const config = renderNginxTemplate(template, values)
    expect(config).toContain("server 127.0.0.1:9001;\n    server 127.0.0.1:9002;")
    expect(config).toContain("listen 127.0.0.1:9380;")
    expect(config).toContain("include /tmp/locations/*.conf;")
    expect(config).toContain("$proxy_add_x_forwarded_for")
    expect(config).not.toMatch(/\$\{[A-Z0-9_]+\}/)
  })

  it("refuses a placeholder without a value instead of writing an empty directive", () => {
    expect(() => renderNginxTemplate(template, { ...values, CURATOR_PROXY_PORT: undefined })).toThrow("the nginx template needs CURATOR_PROXY_PORT")
  })
})
