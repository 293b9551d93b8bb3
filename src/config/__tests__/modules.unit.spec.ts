import { authModule, buildModules, cachingModule, databaseUrlFromSettings, fileModule, paymentModule, requireSetting, searchModule } from "../modules"

const resolves = (env: Record<string, string>) => buildModules(env).map((m) => m.resolve)

describe("module configuration from the environment", () => {
  it("uses Medusa's in-memory infrastructure and local files when nothing is set", () => {
    expect(resolves({})).toEqual([
      "@medusajs/medusa/caching",
      "@medusajs/medusa/file",
      "@medusajs/medusa/auth",
      "@medusajs/medusa/search",
      "./src/modules/wardrobe",
      "./src/modules/social",
      "./src/modules/lookbook",
      "./src/modules/admin-role",
      "./src/modules/visual",
      "./src/modules/wishlist",
      "./src/modules/recommendation",
      "./src/modules/size-chart",
      "./src/modules/try-on",
    ])
    expect(buildModules({}).find((m) => m.resolve === "./src/modules/social")!.options).toEqual({
      auto_hide_report_threshold: 3,
      require_approval: false,
    })
    expect(
      buildModules({ SOCIAL_AUTO_HIDE_REPORT_THRESHOLD: "5", SOCIAL_REQUIRE_APPROVAL: "true" }).find((m) => m.resolve === "./src/modules/social")!
        .options
    ).toEqual({
      auto_hide_report_threshold: 5,
      require_approval: true,
    })
    expect((fileModule({}).options as any).providers[0].resolve).toBe("@medusajs/medusa/file-local")
    expect(paymentModule({})).toBeUndefined()
  })

  it("refuses a report threshold that is not a whole number of 1 or more, naming the setting", () => {
    for (const bad of ["0", "-2", "2.5", "three"]) {
      expect(() => buildModules({ SOCIAL_AUTO_HIDE_REPORT_THRESHOLD: bad })).toThrow(
        `SOCIAL_AUTO_HIDE_REPORT_THRESHOLD must be a whole number of 1 or more, got "${bad}"`
      )
    }
  })

  it("switches event bus, workflow engine, locking and caching to Redis with REDIS_URL", () => {
    const modules = buildModules({ REDIS_URL: "redis://127.0.0.1:6379" })
    expect(modules.map((m) => m.resolve)).toEqual(
      expect.arrayContaining([
        "@medusajs/medusa/event-bus-redis",
        "@medusajs/medusa/workflow-engine-redis",
        "@medusajs/medusa/locking",
        "@medusajs/medusa/caching",
      ])
    )
    const locking = modules.find((m) => m.resolve === "@medusajs/medusa/locking")!
    expect((locking.options as any).providers[0]).toMatchObject({
      resolve: "@medusajs/medusa/locking-redis",
      options: { redisUrl: "redis://127.0.0.1:6379" },
    })
  })

  it("caches catalog reads in Curator's bounded in-memory provider, in Redis with REDIS_URL, and not at all with MEDUSA_FF_CACHING=false", () => {
    const inMemory = cachingModule({})!.options as any
    expect(inMemory.in_memory).toBeUndefined()
    expect(inMemory.providers).toEqual([
      {
        resolve: "./src/modules/caching-json-memory",
        id: "json-memory",
        is_default: true,
        options: { ttl: 3600, maxKeys: 20_000, maxSize: 128 * 1024 * 1024 },
      },
    ])
    expect((cachingModule({ CATALOG_CACHE_MAX_MB: "16" })!.options as any).providers[0].options.maxSize).toBe(16 * 1024 * 1024)
    expect((cachingModule({ REDIS_URL: "redis://127.0.0.1:6379" })!.options as any).providers[0]).toMatchObject({
      resolve: "@medusajs/medusa/caching-redis",
      options: { redisUrl: "redis://127.0.0.1:6379", prefix: "curator:default:" },
    })
    expect(
      (cachingModule({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://postgres@localhost/shop_a" })!.options as any).providers[0]
        .options.prefix
    ).toBe("curator:shop_a:")
    expect((cachingModule({ CATALOG_CACHE_TTL_SECONDS: "60" })!.options as any).ttl).toBe(60)
    expect((cachingModule({ CATALOG_CACHE_TTL_SECONDS: "60" })!.options as any).providers[0].options.ttl).toBe(60)
    expect(cachingModule({ MEDUSA_FF_CACHING: "false" })).toBeUndefined()
    expect(resolves({ MEDUSA_FF_CACHING: "false" })).not.toContain("@medusajs/medusa/caching")
    expect(() => cachingModule({ CATALOG_CACHE_MAX_MB: "0" })).toThrow(/CATALOG_CACHE_MAX_MB must be a whole number/)
  })

  it("uses S3 only when all its settings are present and names the missing ones otherwise", () => {
    const s3 = { S3_BUCKET: "b", S3_REGION: "eu-west-1", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }
    expect((fileModule(s3).options as any).providers[0].resolve).toBe("@medusajs/medusa/file-s3")
    expect(() => fileModule({ S3_BUCKET: "b" })).toThrow(/S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY missing/)
  })

  it("keeps private files outside the public folder and gives presigned URLs the signed URLs' lifetime", () => {
    expect((fileModule({}).options as any).providers[0].options).toMatchObject({ upload_dir: "static", private_upload_dir: "private" })
    expect((fileModule({ FILE_PRIVATE_UPLOAD_DIR: "/srv/private" }).options as any).providers[0].options.private_upload_dir).toBe("/srv/private")
    const s3 = { S3_BUCKET: "b", S3_REGION: "eu-west-1", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }
    expect((fileModule(s3).options as any).providers[0].options.download_file_duration).toBe(900)
    expect((fileModule({ ...s3, FILE_URL_TTL_SECONDS: "300" }).options as any).providers[0].options.download_file_duration).toBe(300)
  })

  it("adds Stripe beside the system provider when STRIPE_API_KEY is set", () => {
    const payment = paymentModule({ STRIPE_API_KEY: "sk_test_x" })!
    expect((payment.options as any).providers[0]).toMatchObject({ resolve: "@medusajs/medusa/payment-stripe", id: "stripe" })
  })

  it("adds Google sign-in only with both keys", () => {
    expect((authModule({}).options as any).providers.map((p: any) => p.id)).toEqual(["emailpass"])
    expect((authModule({ GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "s" }).options as any).providers.map((p: any) => p.id)).toEqual([
      "emailpass",
      "google",
    ])
    expect(() => authModule({ GOOGLE_CLIENT_ID: "id" })).toThrow(/GOOGLE_CLIENT_SECRET missing/)
  })

  it("keeps PostgreSQL search by default and makes Meilisearch the default provider with MEILISEARCH_HOST", () => {
    expect((searchModule({}).options as any).providers.map((p: any) => p.id)).toEqual(["postgres"])
    const meili = searchModule({ MEILISEARCH_HOST: "http://127.0.0.1:7700" }).options as any
    expect(meili.default_provider).toBe("search-meilisearch")
    expect(meili.providers.map((p: any) => p.id)).toEqual(["postgres", "meilisearch"])
  })

  it("fails with a message naming a missing required setting", () => {
    expect(() => requireSetting("JWT_SECRET", "the secret that signs auth tokens", {})).toThrow(
      "Missing required setting JWT_SECRET: the secret that signs auth tokens"
    )
  })

  it("builds the database URL from DB_* settings when DATABASE_URL is absent", () => {
    expect(databaseUrlFromSettings({})).toBeUndefined()
    expect(databaseUrlFromSettings({ DATABASE_URL: "postgres://a/b" })).toBe("postgres://a/b")
    expect(databaseUrlFromSettings({ DB_HOST: "127.0.0.1", DB_PORT: "54329", DB_USERNAME: "postgres", DB_PASSWORD: "p w" })).toBe(
      "postgres://postgres:p%20w@127.0.0.1:54329/curator"
    )
  })
})
