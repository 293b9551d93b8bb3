// MikroORM keeps entity metadata in a global; each test file loads the app anew.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Tests never reach a developer's ML sidecar (the product subscribers index every product a
// test creates): nothing listens here until a test starts its own (helpers/ml-sidecar.ts).
process.env.ML_SIDECAR_URL = "http://127.0.0.1:9"
