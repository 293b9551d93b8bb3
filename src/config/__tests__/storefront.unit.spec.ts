import { passwordResetLink } from "../storefront"

describe("passwordResetLink", () => {
  const reset = { actor_type: "customer", entity_id: "ada+shop@example.com", token: "a.b.c" }

  it("points customers at the storefront's reset page in their country, with the token and the email encoded", () => {
    expect(passwordResetLink({ ...reset, metadata: { country_code: "US" } }, { STOREFRONT_URL: "https://shop.example/" })).toBe(
      "https://shop.example/us/account/reset-password?token=a.b.c&email=ada%2Bshop%40example.com"
    )
  })

  it("leaves the country to the storefront when none (or a malformed one) was given", () => {
    expect(passwordResetLink(reset, {})).toBe("http://localhost:8000/account/reset-password?token=a.b.c&email=ada%2Bshop%40example.com")
    expect(passwordResetLink({ ...reset, metadata: { country_code: "../evil" } }, {})).toMatch(/^http:\/\/localhost:8000\/account\//)
  })

  it("points admin users at the admin's reset page", () => {
    expect(passwordResetLink({ ...reset, actor_type: "user" }, { MEDUSA_BACKEND_URL: "https://api.example" })).toBe(
      "https://api.example/app/reset-password?token=a.b.c&email=ada%2Bshop%40example.com"
    )
  })
})
