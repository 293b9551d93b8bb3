import { expiryFor, isValidFileKey, signedFilePath, signFileKey, verifyFileSignature } from "../signed-urls"
import { fileUrlTtlSeconds } from "../settings"
import { contentTypeOf, fileForUpload, storedAccessOf, storedFileName } from "../stored-names"

const SECRET = "test-secret"
const KEY = "private-1764000000000-private-wardrobe-0123456789abcdef0123456789abcdef.jpg"
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0)

const queryOf = (path: string) => Object.fromEntries(new URL(path, "http://x").searchParams)

describe("signed file URLs", () => {
  it("accepts its own signature until it expires, then refuses it as expired", () => {
    const expires = expiryFor(NOW, 900)
    const { signature } = queryOf(signedFilePath(KEY, expires, SECRET))
    expect(verifyFileSignature({ key: KEY, expires: String(expires), signature }, SECRET, NOW)).toEqual({ ok: true, expires })
    expect(verifyFileSignature({ key: KEY, expires: String(expires), signature }, SECRET, expires * 1000)).toEqual({ ok: false, reason: "expired" })
  })

  it("refuses a signature for another key, another expiry or another secret", () => {
    const expires = expiryFor(NOW, 900)
    const signature = signFileKey(KEY, expires, SECRET)
    const otherKey = KEY.replace("wardrobe", "post")
    expect(verifyFileSignature({ key: otherKey, expires: String(expires), signature }, SECRET, NOW)).toEqual({ ok: false, reason: "invalid" })
    expect(verifyFileSignature({ key: KEY, expires: String(expires + 3600), signature }, SECRET, NOW)).toEqual({ ok: false, reason: "invalid" })
    expect(verifyFileSignature({ key: KEY, expires: String(expires), signature: signFileKey(KEY, expires, "other") }, SECRET, NOW)).toEqual({
      ok: false,
      reason: "invalid",
    })
    // One character changed, and a truncated signature (the comparison needs equal lengths).
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1)
    expect(verifyFileSignature({ key: KEY, expires: String(expires), signature: flipped }, SECRET, NOW).ok).toBe(false)
    expect(verifyFileSignature({ key: KEY, expires: String(expires), signature: signature.slice(0, 10) }, SECRET, NOW).ok).toBe(false)
  })

  it("answers missing without expires or signature, and invalid for odd values", () => {
    expect(verifyFileSignature({ key: KEY }, SECRET, NOW)).toEqual({ ok: false, reason: "missing" })
    expect(verifyFileSignature({ key: KEY, expires: "123" }, SECRET, NOW)).toEqual({ ok: false, reason: "missing" })
    expect(verifyFileSignature({ key: KEY, expires: ["1", "2"], signature: "x" }, SECRET, NOW)).toEqual({ ok: false, reason: "missing" })
    expect(verifyFileSignature({ key: KEY, expires: "1e12", signature: "x" }, SECRET, NOW)).toEqual({ ok: false, reason: "invalid" })
  })

  it("never signs or accepts a key that leaves its folder", () => {
    for (const key of ["../secret.jpg", "a/b.jpg", "..", ".hidden", "a\\b.jpg", "a%2Fb.jpg", "", "x".repeat(201)]) {
      expect(isValidFileKey(key)).toBe(false)
      const signature = signFileKey(key, 9_999_999_999, SECRET)
      expect(verifyFileSignature({ key, expires: "9999999999", signature }, SECRET, NOW)).toEqual({ ok: false, reason: "invalid" })
    }
    expect(isValidFileKey(KEY)).toBe(true)
  })

  it("expires at least the lifetime from now, on steps so that one photo keeps one URL for a while", () => {
    const nowSeconds = NOW / 1000
    for (let offset = 0; offset < 900; offset += 37) {
      const expires = expiryFor(NOW + offset * 1000, 900)
      expect(expires).toBeGreaterThanOrEqual(nowSeconds + offset + 900)
      expect(expires).toBeLessThanOrEqual(nowSeconds + offset + 900 + 225)
    }
    expect(expiryFor(NOW + 1000, 900)).toBe(expiryFor(NOW + 60_000, 900))
  })

  it("reads FILE_URL_TTL_SECONDS, refusing values S3 would not sign", () => {
    expect(fileUrlTtlSeconds({})).toBe(900)
    expect(fileUrlTtlSeconds({ FILE_URL_TTL_SECONDS: "120" })).toBe(120)
    expect(() => fileUrlTtlSeconds({ FILE_URL_TTL_SECONDS: "10" })).toThrow(/FILE_URL_TTL_SECONDS/)
    expect(() => fileUrlTtlSeconds({ FILE_URL_TTL_SECONDS: "604801" })).toThrow(/604800/)
  })
})

describe("stored file names", () => {
  it("are random, carry their purpose and access, and never the upload's name", () => {
    const names = new Set(Array.from({ length: 1000 }, () => storedFileName("post", "public", "image/jpeg")))
    expect(names.size).toBe(1000)
    const file = fileForUpload({ mimeType: "image/png", content: "AAAA" }, "wardrobe", "private")
    expect(file).toMatchObject({ access: "private", mimeType: "image/png", content: "AAAA" })
    expect(file.filename).toMatch(/^private-wardrobe-[0-9a-f]{32}\.png$/)
    expect(storedFileName("look", "public", "image/webp")).toMatch(/^look-[0-9a-f]{32}\.webp$/)
  })

  it("tell a file id's access: the local provider's keys, S3's keys and files stored before", () => {
    const privateName = storedFileName("post", "private", "image/jpeg")
    const publicName = storedFileName("post", "public", "image/jpeg")
    expect(storedAccessOf(`private-1764000000000-${privateName}`)).toBe("private") // local provider
    // S3 keeps the name (after an optional prefix), then adds a ULID.
    expect(storedAccessOf(`uploads/${privateName.slice(0, -4)}-01JDQ3Z5V6X7Y8Z9A0B1C2D3E4.jpg`)).toBe("private")
    expect(storedAccessOf(`${publicName.slice(0, -4)}-01JDQ3Z5V6X7Y8Z9A0B1C2D3E4.jpg`)).toBe("public")
    expect(storedAccessOf(`1764000000000-${publicName}`)).toBe("public")
    expect(storedAccessOf("1733000000000-social-private-party.jpg")).toBe("public") // before random names: all public
    expect(contentTypeOf(privateName)).toBe("image/jpeg")
    expect(contentTypeOf("x.svg")).toBeUndefined()
  })
})
