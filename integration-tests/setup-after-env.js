// The http runner restores its database template before every test, behind Medusa's back: no
// module event tells the catalog cache (Medusa's Caching Module, on in tests as in production)
// that the rows it holds are gone. Empty it first, as a real shop's cache never outlives its data.
if (process.env.TEST_TYPE === "integration:http") {
  beforeEach(async () => {
    const { container } = require("@medusajs/framework")
    const caching = container.resolve("caching", { allowUnregistered: true })
    await caching?.clear({ tags: ["*"] })
  })
}
