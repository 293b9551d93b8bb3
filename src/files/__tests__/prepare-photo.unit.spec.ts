import sharp from "sharp"
import { detectImageType, MAX_PHOTO_BYTES, preparePhoto, STORED_PHOTO_MAX_EDGE } from "../prepare-photo"

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#804020" } })

describe("photo upload checks", () => {
  it("recognises JPEG, PNG and WebP by their first bytes only", async () => {
    expect(detectImageType(await solid(4, 4).jpeg().toBuffer())).toBe("jpeg")
    expect(detectImageType(await solid(4, 4).png().toBuffer())).toBe("png")
    expect(detectImageType(await solid(4, 4).webp().toBuffer())).toBe("webp")
    expect(detectImageType(await solid(4, 4).gif().toBuffer())).toBeNull()
    expect(detectImageType(Buffer.from("RIFF0000WAVE"))).toBeNull()
    expect(detectImageType(Buffer.alloc(0))).toBeNull()
  })

  it("applies EXIF orientation, strips metadata and keeps the format", async () => {
    const input = await solid(60, 20).jpeg().withMetadata({ orientation: 8 }).toBuffer()
    const photo = await preparePhoto({ buffer: input, originalname: "My Photo!.JPEG" }, { filenamePrefix: "wardrobe" })
    // A random name: nothing of "My Photo!.JPEG" reaches storage.
    expect(photo.filename).toMatch(/^wardrobe-[0-9a-f]{32}\.jpg$/)
    expect(photo.mimeType).toBe("image/jpeg")
    const meta = await sharp(Buffer.from(photo.content, "base64")).metadata()
    expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([20, 60, undefined, undefined])
    // The size it reports is the stored, rotated image's: callers need not decode it again.
    expect([photo.width, photo.height]).toEqual([20, 60])

    const webp = await preparePhoto({ buffer: await solid(10, 10).webp().toBuffer() }, { filenamePrefix: "post" })
    expect(webp.filename).toMatch(/^post-[0-9a-f]{32}\.webp$/)
    expect(webp.mimeType).toBe("image/webp")
  })

  it("scales large photos down to the stored size", async () => {
    const photo = await preparePhoto({ buffer: await solid(4000, 1000).png().toBuffer() })
    const meta = await sharp(Buffer.from(photo.content, "base64")).metadata()
    expect([meta.width, meta.height]).toEqual([STORED_PHOTO_MAX_EDGE, STORED_PHOTO_MAX_EDGE / 4])
    expect([photo.width, photo.height]).toEqual([meta.width, meta.height])
  })

  it("refuses non-images, empty, truncated, oversize and over-pixel files with messages", async () => {
    await expect(preparePhoto({ buffer: Buffer.from("hello") })).rejects.toThrow(/JPEG, PNG or WebP/)
    await expect(preparePhoto({ buffer: Buffer.alloc(0) })).rejects.toThrow(/empty/)
    const png = await solid(300, 300).png({ compressionLevel: 0 }).toBuffer()
    await expect(preparePhoto({ buffer: png.subarray(0, png.length >> 1) })).rejects.toThrow(/damaged or truncated/)
    await expect(preparePhoto({ buffer: Buffer.concat([png, Buffer.alloc(MAX_PHOTO_BYTES)]) })).rejects.toThrow(/larger than 10 MB/)
    const huge = await solid(8000, 5001).png().toBuffer()
    await expect(preparePhoto({ buffer: huge })).rejects.toThrow(/8000×5001 pixels \(40\.0 MP\); the limit is 40 MP/)
  })
})
