// MikroORM keeps entity metadata in a global; each test file loads the app anew.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
