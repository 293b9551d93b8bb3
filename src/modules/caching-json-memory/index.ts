import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { JsonMemoryCachingProvider } from "./service"

/** Curator's in-memory provider for Medusa's Caching Module (./service.ts); configured in src/config/modules.ts. */
export default ModuleProvider(Modules.CACHING, {
  services: [JsonMemoryCachingProvider],
})
