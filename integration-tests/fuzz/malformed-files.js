/**
 * Malformed and hostile upload corpus, shared by the Medusa upload-route tests
 * (root jest) and the ML sidecar fuzz suite (ml-sidecar, node:test).
 *
 * Everything is generated on the fly and deterministically (seeded PRNG, fixed
 * encoder settings), so the corpus is the same on every run and nothing binary
 * is committed. Upload routes must answer every entry with a clear 4xx (or a
 * 2xx for the few entries marked `acceptable`, which are decodable JPEG/PNG/WebP
 * images with a hostile twist): never a 5xx, never a hang, never a
 * half-written record.
 *
 * `acceptable: true` marks files a server may legitimately accept: their bytes are, or may still
 * decode as, a JPEG, PNG or WebP within ordinary limits (valid images under a hostile name or
 * type, polyglots, huge metadata, bit flips, late truncations). `acceptable: false` files are not
 * a decodable JPEG, PNG or WebP image; the ML sidecar refuses every one of them with a 4xx.
 *
 * Exports:
 *   generateMalformedFiles({ sharp?, seed? }) → Promise<MalformedFile[]>  (≥ 300 entries, < 5 s)
 *   oversizedFiles() → BigFile[]          25 MB / 70 MB bodies built lazily (createBytes / createStream)
 *   buildMultipart(parts, options?) → { body, contentType }
 *   multipartStream(bigFile, options?) → { stream, contentType, length }  (streams a BigFile as one part)
 *   brokenMultipartCases({ fieldName?, file? }) → BrokenMultipart[]
 *
 * MalformedFile: { name, description, bytes: Buffer, filename, contentType, acceptable: boolean }
 * BigFile:       { name, description, big: true, size, filename, contentType, createBytes(), createStream() }
 * BrokenMultipart: { name, description, contentType, body: Buffer }
 *
 * `sharp` is resolved from the caller when passed (each package passes its own),
 * otherwise required from here (the repository root's node_modules).
 */
"use strict"

const zlib = require("node:zlib")
const { Readable } = require("node:stream")

// ---------------------------------------------------------------- primitives

/** mulberry32: small, fast, deterministic. */
function makeRng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(buf) {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const u32be = (n) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0)
  return b
}
const u16be = (n) => {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(n & 0xffff)
  return b
}
const u32le = (n) => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n >>> 0)
  return b
}
const u16le = (n) => {
  const b = Buffer.alloc(2)
  b.writeUInt16LE(n & 0xffff)
  return b
}
const ascii = (s) => Buffer.from(s, "latin1")
const cat = (...parts) => Buffer.concat(parts.map((p) => (typeof p === "string" ? ascii(p) : p)))

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngChunk(type, data, { badCrc = false, length } = {}) {
  const typeBuf = ascii(type)
  const crc = crc32(Buffer.concat([typeBuf, data]))
  return cat(u32be(length ?? data.length), typeBuf, data, u32be(badCrc ? crc ^ 0xdeadbeef : crc))
}

function ihdr(width, height, bitDepth = 8, colorType = 2, interlace = 0) {
  return pngChunk("IHDR", cat(u32be(width), u32be(height), Buffer.from([bitDepth, colorType, 0, 0, interlace])))
}

/** Splits a PNG into its chunks: [{ type, offset, length }]. */
function pngChunks(png) {
  const chunks = []
  let off = 8
  while (off + 8 <= png.length) {
    const length = png.readUInt32BE(off)
    const type = png.toString("latin1", off + 4, off + 8)
    chunks.push({ type, offset: off, length, end: off + 12 + length })
    off += 12 + length
  }
  return chunks
}

/** JPEG markers in order: [{ marker, offset, length }] up to and including SOS. */
function jpegSegments(jpeg) {
  const segs = []
  let off = 2
  while (off + 4 <= jpeg.length && jpeg[off] === 0xff) {
    const marker = jpeg[off + 1]
    const length = jpeg.readUInt16BE(off + 2)
    segs.push({ marker, offset: off, length })
    off += 2 + length
    if (marker === 0xda) break
  }
  return segs
}

function jpegSegment(marker, payload) {
  return cat(Buffer.from([0xff, marker]), u16be(payload.length + 2), payload)
}

/** Inserts segments right after SOI. */
function jpegWithSegments(jpeg, segments) {
  return cat(jpeg.subarray(0, 2), ...segments, jpeg.subarray(2))
}

function riff(fourcc, chunks) {
  const body = cat(ascii(fourcc), ...chunks)
  return cat("RIFF", u32le(body.length), body)
}

function riffChunk(fourcc, data) {
  const pad = data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)
  return cat(ascii(fourcc), u32le(data.length), data, pad)
}

function bmp(width, height, { pixels } = {}) {
  const rowSize = Math.ceil((width * 3) / 4) * 4
  const data = pixels ?? Buffer.alloc(Math.max(0, rowSize * Math.abs(height)), 0x80)
  const header = cat("BM", u32le(54 + data.length), u32le(0), u32le(54))
  const info = cat(
    u32le(40),
    u32le(width),
    u32le(height >>> 0),
    u16le(1),
    u16le(24),
    u32le(0),
    u32le(data.length),
    u32le(2835),
    u32le(2835),
    u32le(0),
    u32le(0)
  )
  return cat(header, info, data)
}

/** An ISO-BMFF box. */
function box(type, payload) {
  return cat(u32be(8 + payload.length), ascii(type), payload)
}

function ftyp(major, compatible) {
  return box("ftyp", cat(ascii(major), u32be(0), ...compatible.map(ascii)))
}

/** A tiny valid ZIP (one stored file). */
function zipArchive(name, content) {
  const data = ascii(content)
  const crc = crc32(data)
  const nameBuf = ascii(name)
  const local = cat(
    u32le(0x04034b50),
    u16le(10),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    u32le(crc),
    u32le(data.length),
    u32le(data.length),
    u16le(nameBuf.length),
    u16le(0),
    nameBuf,
    data
  )
  const central = cat(
    u32le(0x02014b50),
    u16le(20),
    u16le(10),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    u32le(crc),
    u32le(data.length),
    u32le(data.length),
    u16le(nameBuf.length),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    u32le(0),
    u32le(0),
    nameBuf
  )
  const end = cat(u32le(0x06054b50), u16le(0), u16le(0), u16le(1), u16le(1), u32le(central.length), u32le(local.length), u16le(0))
  return cat(local, central, end)
}

/** A minimal GIF (2×2, optional frames, optional logical screen override), uncompressed-ish LZW. */
function gif({ width = 2, height = 2, frames = 1, screenWidth, screenHeight, truncateAt } = {}) {
  const header = cat("GIF89a", u16le(screenWidth ?? width), u16le(screenHeight ?? height), Buffer.from([0xf0, 0, 0]))
  const palette = Buffer.from([0, 0, 0, 255, 255, 255])
  const loop = frames > 1 ? cat(Buffer.from([0x21, 0xff, 0x0b]), "NETSCAPE2.0", Buffer.from([3, 1, 0, 0, 0])) : Buffer.alloc(0)
  const framesBuf = []
  for (let f = 0; f < frames; f++) {
    const gce = Buffer.from([0x21, 0xf9, 4, 0, 10, 0, 0, 0])
    const desc = cat(Buffer.from([0x2c]), u16le(0), u16le(0), u16le(width), u16le(height), Buffer.from([0]))
    // LZW min code size 2; clear, pixel indexes, end (code size 3 bits)
    const lzw = Buffer.from([0x02, 0x02, 0x44 | (f & 1), 0x01, 0x00])
    framesBuf.push(gce, desc, lzw)
  }
  const out = cat(header, palette, loop, ...framesBuf, Buffer.from([0x3b]))
  return truncateAt === undefined ? out : out.subarray(0, truncateAt)
}

function tiffHeader({ bigEndian = false, ifdOffset = 8, width = 1, height = 1, entries } = {}) {
  const w16 = bigEndian ? u16be : u16le
  const w32 = bigEndian ? u32be : u32le
  const ents = entries ?? [
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, 8 + 2 + 12 * 6 + 4],
  ]
  const ifd = cat(
    w16(ents.length),
    ...ents.map(([tag, type, count, value]) => cat(w16(tag), w16(type), w32(count), type === 3 ? cat(w16(value), w16(0)) : w32(value))),
    w32(0)
  )
  return cat(bigEndian ? "MM" : "II", w16(42), w32(ifdOffset), ifd, Buffer.alloc(1, 0x7f))
}

/** EXIF APP1 payload with a TIFF IFD (optionally hostile). */
function exifPayload(tiff) {
  return cat("Exif\0\0", tiff)
}

function fill(size, byte) {
  return Buffer.alloc(size, byte)
}

function randomBytes(rng, size) {
  const b = Buffer.alloc(size)
  for (let i = 0; i < size; i++) b[i] = Math.floor(rng() * 256)
  return b
}

// ---------------------------------------------------------------- corpus

const TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" }

/**
 * @param {{ sharp?: typeof import("sharp"), seed?: number }} [options]
 * @returns {Promise<Array<{ name: string, description: string, bytes: Buffer, filename: string, contentType: string, acceptable: boolean }>>}
 */
async function generateMalformedFiles(options = {}) {
  const sharp = options.sharp ?? require("sharp")
  const rng = makeRng(options.seed ?? 0x5eed14)
  const files = []
  const add = (name, description, bytes, { filename, contentType, acceptable = false } = {}) => {
    files.push({ name, description, bytes, filename: filename ?? `${name}.jpg`, contentType: contentType ?? "image/jpeg", acceptable })
  }

  // Deterministic base images (textured so encoders emit real entropy-coded data).
  const W = 64
  const H = 48
  const raw = Buffer.alloc(W * H * 3)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3
      raw[i] = (x * 4 + Math.floor(rng() * 24)) & 0xff
      raw[i + 1] = (y * 5 + Math.floor(rng() * 24)) & 0xff
      raw[i + 2] = ((x ^ y) * 3) & 0xff
    }
  }
  const img = () => sharp(raw, { raw: { width: W, height: H, channels: 3 } })
  const frames = Buffer.concat([raw, Buffer.from(raw).reverse()])
  const anim = () => sharp(frames, { raw: { width: W, height: H * 2, channels: 3, pageHeight: H } })
  const [jpeg, jpegProgressive, jpegGray, png, pngInterlaced, png16, webp, webpLossless, webpAlpha, gifAnimated, webpAnimated, tiff, avif] =
    await Promise.all([
      img().jpeg({ quality: 80, mozjpeg: false }).toBuffer(),
      img().jpeg({ quality: 80, progressive: true, mozjpeg: false }).toBuffer(),
      img().greyscale().jpeg({ quality: 70 }).toBuffer(),
      img().png({ compressionLevel: 6 }).toBuffer(),
      img().png({ progressive: true }).toBuffer(),
      img().toColourspace("rgb16").png().toBuffer(),
      img().webp({ quality: 75 }).toBuffer(),
      img().webp({ lossless: true }).toBuffer(),
      img().ensureAlpha(0.5).webp({ quality: 75 }).toBuffer(),
      anim().gif().toBuffer(),
      anim().webp({ quality: 60 }).toBuffer(),
      img().tiff().toBuffer(),
      img().avif({ effort: 0, quality: 40 }).toBuffer(),
    ])

  // --- empty and tiny
  add("empty", "Zero bytes", Buffer.alloc(0))
  add("one-byte-ff", "One byte 0xFF", Buffer.from([0xff]))
  add("one-byte-zero", "One NUL byte", Buffer.from([0x00]))
  add("one-byte-png", "One byte of the PNG signature", Buffer.from([0x89]), { filename: "one.png", contentType: TYPES.png })
  add("one-byte-r", "One byte 'R' (start of RIFF)", ascii("R"), { filename: "one.webp", contentType: TYPES.webp })
  add("jpeg-soi-only", "JPEG SOI marker and nothing else", Buffer.from([0xff, 0xd8]))
  add("jpeg-soi-ff", "JPEG SOI plus a lone 0xFF", Buffer.from([0xff, 0xd8, 0xff]))
  add("jpeg-soi-eoi", "JPEG SOI immediately followed by EOI", Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
  add("png-signature-only", "PNG signature, no chunks", PNG_SIGNATURE, { filename: "sig.png", contentType: TYPES.png })
  add("riff-only", "The four bytes RIFF", ascii("RIFF"), { filename: "riff.webp", contentType: TYPES.webp })
  add("riff-webp-header-only", "RIFF header and WEBP fourcc, no chunks", cat("RIFF", u32le(4), "WEBP"), {
    filename: "hdr.webp",
    contentType: TYPES.webp,
  })
  add("whitespace", "Only spaces and newlines", ascii("   \r\n\t \n"))

  // --- truncations
  const truncations = (label, bytes, type, ext, count, markers = []) => {
    const offsets = new Set(markers.filter((o) => o > 0 && o < bytes.length))
    for (let i = 1; i <= count; i++) offsets.add(Math.max(1, Math.floor((bytes.length * i) / (count + 1))))
    offsets.add(bytes.length - 1)
    offsets.add(bytes.length - 2)
    for (const off of [...offsets].sort((a, b) => a - b)) {
      // A JPEG cut inside its entropy-coded data may still decode (grey tail); not a hard refusal.
      add(`${label}-truncated-at-${off}`, `${label} (${bytes.length} bytes) cut to its first ${off} bytes`, bytes.subarray(0, off), {
        filename: `truncated.${ext}`,
        contentType: type,
        acceptable: off > bytes.length / 2,
      })
    }
  }
  const jpegMarkers = (j) =>
    jpegSegments(j).flatMap((s) => [s.offset, s.offset + 1, s.offset + 3, s.offset + 2 + Math.floor(s.length / 2), s.offset + 2 + s.length])
  truncations("jpeg", jpeg, TYPES.jpeg, "jpg", 24, jpegMarkers(jpeg))
  truncations("jpeg-progressive", jpegProgressive, TYPES.jpeg, "jpg", 12)
  truncations(
    "png",
    png,
    TYPES.png,
    "png",
    20,
    pngChunks(png).flatMap((c) => [c.offset + 4, c.offset + 8, c.offset + 8 + Math.floor(c.length / 2), c.end - 2])
  )
  truncations("png-interlaced", pngInterlaced, TYPES.png, "png", 6)
  truncations("webp", webp, TYPES.webp, "webp", 16, [12, 16, 20, 30])
  truncations("webp-lossless", webpLossless, TYPES.webp, "webp", 10, [12, 16, 20, 25])

  // --- wrong magic under an image name and type
  const wrongMagic = [
    ["text", "Plain text", ascii("Hello, this is not an image at all.\n".repeat(20))],
    ["json", "A JSON document", ascii(JSON.stringify({ image: "nope", n: [1, 2, 3] }))],
    ["exe", "A Windows PE executable header (MZ)", cat("MZ", fill(58, 0), u32le(64), "PE\0\0", fill(200, 0x90))],
    ["elf", "A Linux ELF header", cat(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), fill(120, 0))],
    ["shell", "A shell script", ascii("#!/bin/sh\nrm -rf / --no-preserve-root\n")],
    ["php", "A PHP web shell", ascii("<?php system($_GET['c']); ?>\n")],
    ["zip", "A ZIP archive", zipArchive("hello.txt", "hello")],
    ["pdf", "A PDF document", ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")],
    ["gzip", "A gzip stream", zlib.gzipSync(ascii("not an image".repeat(50)))],
    ["mp4", "An MP4 ftyp box", cat(ftyp("isom", ["isom", "mp41"]), box("mdat", fill(64, 0)))],
    ["wav", "A RIFF WAVE header", riff("WAVE", [riffChunk("fmt ", fill(16, 1)), riffChunk("data", fill(64, 0))])],
    ["avi", "A RIFF AVI header", riff("AVI ", [riffChunk("LIST", fill(32, 0))])],
    ["ico", "A Windows icon header", cat(u16le(0), u16le(1), u16le(1), fill(16, 0))],
    ["psd", "A Photoshop header", cat("8BPS", u16be(1), fill(20, 0))],
    ["random", "Seeded random bytes", randomBytes(rng, 4096)],
    ["nul-bytes", "4 KiB of NUL", fill(4096, 0)],
    ["ff-bytes", "4 KiB of 0xFF (endless JPEG fill bytes)", fill(4096, 0xff)],
    ["utf16-bom", "UTF-16 text with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("not an image", "utf16le")])],
  ]
  for (const [label, description, bytes] of wrongMagic) {
    add(`wrong-magic-${label}-as-jpeg`, `${description}, named .jpg and sent as image/jpeg`, bytes)
  }
  add("wrong-magic-zip-as-png", "A ZIP archive named .png", zipArchive("a.txt", "a"), { filename: "a.png", contentType: TYPES.png })
  add("wrong-magic-pdf-as-webp", "A PDF named .webp", wrongMagic[7][2], { filename: "a.webp", contentType: TYPES.webp })
  add("wrong-magic-exe-true-type", "An executable sent as application/octet-stream", wrongMagic[2][2], {
    filename: "setup.exe",
    contentType: "application/octet-stream",
  })
  add("wrong-magic-pdf-true-type", "A PDF sent as application/pdf", wrongMagic[7][2], { filename: "doc.pdf", contentType: "application/pdf" })

  // --- SVG and HTML with script
  const svgs = [
    [
      "script",
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
    ],
    ["onload", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" width="10" height="10"/>'],
    [
      "foreign-object",
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror=alert(1)></body></foreignObject></svg>',
    ],
    [
      "xlink-javascript",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
    ],
    [
      "xxe",
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text y="20">&xxe;</text></svg>',
    ],
    [
      "billion-laughs",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol6;</text></svg>',
    ],
    [
      "external-image",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://169.254.169.254/latest/meta-data/" width="10" height="10"/></svg>',
    ],
    ["huge-canvas", '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="100%" height="100%"/></svg>'],
  ]
  for (const [label, svg] of svgs) {
    add(`svg-${label}`, `SVG (${label}) sent as image/svg+xml`, ascii(svg), { filename: `${label}.svg`, contentType: "image/svg+xml" })
    add(`svg-${label}-as-png`, `SVG (${label}) named .png and sent as image/png`, ascii(svg), { filename: `${label}.png`, contentType: TYPES.png })
  }
  const htmls = [
    ["script", "<!DOCTYPE html><html><body><script>fetch('/admin').then(r=>r.text()).then(alert)</script></body></html>"],
    ["img-onerror", '<html><img src=x onerror="alert(document.domain)"></html>'],
    ["iframe", '<html><iframe src="javascript:alert(1)"></iframe></html>'],
    ["meta-refresh", '<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head></html>'],
    ["bom-script", "\ufeff<script>alert(1)</script>"],
  ]
  for (const [label, html] of htmls) {
    add(`html-${label}`, `HTML (${label}) named .jpg`, Buffer.from(html, "utf8"))
    add(`html-${label}-true-type`, `HTML (${label}) sent as text/html`, Buffer.from(html, "utf8"), {
      filename: `${label}.html`,
      contentType: "text/html",
    })
  }

  // --- polyglots
  const htmlPayload = ascii("<html><script>alert('polyglot')</script></html>")
  const jarPayload = zipArchive("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: Evil\n")
  add("polyglot-jpeg-html-appended", "A valid JPEG with an HTML page appended after EOI", cat(jpeg, htmlPayload), { acceptable: true })
  add("polyglot-jpeg-zip-appended", "A valid JPEG with a ZIP appended (GIFAR-style)", cat(jpeg, jarPayload), { acceptable: true })
  add("polyglot-png-zip-appended", "A valid PNG with a ZIP appended after IEND", cat(png, jarPayload), {
    filename: "p.png",
    contentType: TYPES.png,
    acceptable: true,
  })
  add("polyglot-webp-html-appended", "A valid WebP with HTML appended beyond the RIFF size", cat(webp, htmlPayload), {
    filename: "p.webp",
    contentType: TYPES.webp,
    acceptable: true,
  })
  add("polyglot-gifar", "A GIF with a JAR appended (classic GIFAR)", cat(gif(), jarPayload), { filename: "gifar.gif", contentType: "image/gif" })
  add("polyglot-gifar-as-jpeg", "A GIFAR named .jpg", cat(gif(), jarPayload))
  add("polyglot-jpeg-comment-html", "A JPEG whose COM segment holds an HTML script", jpegWithSegments(jpeg, [jpegSegment(0xfe, htmlPayload)]), {
    acceptable: true,
  })
  add(
    "polyglot-jpeg-comment-php",
    "A JPEG whose COM segment holds PHP",
    jpegWithSegments(jpeg, [jpegSegment(0xfe, ascii("<?php system($_GET['c']); __halt_compiler(); ?>"))]),
    { acceptable: true }
  )
  const ihdrEnd = pngChunks(png)[0].end
  add(
    "polyglot-png-text-script",
    "A PNG with a tEXt chunk holding a script",
    cat(png.subarray(0, ihdrEnd), pngChunk("tEXt", cat("Comment\0", htmlPayload)), png.subarray(ihdrEnd)),
    { filename: "t.png", contentType: TYPES.png, acceptable: true }
  )
  add("polyglot-html-then-jpeg", "An HTML page followed by a JPEG (wrong magic first)", cat(htmlPayload, jpeg))
  add("polyglot-pdf-jpeg", "A PDF header followed by a JPEG", cat("%PDF-1.4\n", jpeg))
  add("polyglot-zip-then-png", "A ZIP followed by a PNG", cat(jarPayload, png), { filename: "z.png", contentType: TYPES.png })
  add("polyglot-jpeg-inside-riff", "A JPEG wrapped in a RIFF/WEBP container", riff("WEBP", [riffChunk("VP8 ", jpeg)]), {
    filename: "j.webp",
    contentType: TYPES.webp,
  })

  // --- decompression bombs (tiny files declaring huge images)
  const idatOf = (p) =>
    pngChunks(p)
      .filter((c) => c.type === "IDAT")
      .map((c) => p.subarray(c.offset, c.end))
  const iend = pngChunk("IEND", Buffer.alloc(0))
  const bombPng = (w, h, bitDepth, colorType, rowBytes) => {
    // Only the first rows are present: the header alone is the bomb.
    const rows = Math.min(h, 64)
    const data = zlib.deflateSync(Buffer.alloc((rowBytes + 1) * rows), { level: 9 })
    return cat(PNG_SIGNATURE, ihdr(w, h, bitDepth, colorType), pngChunk("IDAT", data), iend)
  }
  add("bomb-png-100000x100000", "PNG declaring 100000×100000 RGB with a few rows of data", bombPng(100000, 100000, 8, 2, 300000), {
    filename: "bomb.png",
    contentType: TYPES.png,
  })
  add("bomb-png-65535x65535-1bit", "PNG declaring 65535×65535 1-bit grey", bombPng(65535, 65535, 1, 0, 8192), {
    filename: "bomb.png",
    contentType: TYPES.png,
  })
  add("bomb-png-2147483647x1", "PNG declaring width 2^31-1", bombPng(0x7fffffff, 1, 8, 0, 1024), { filename: "bomb.png", contentType: TYPES.png })
  add("bomb-png-1x2147483647", "PNG declaring height 2^31-1", bombPng(1, 0x7fffffff, 8, 0, 1), { filename: "bomb.png", contentType: TYPES.png })
  add("bomb-png-zero-width", "PNG declaring a width of 0", cat(PNG_SIGNATURE, ihdr(0, 10), ...idatOf(png), iend), {
    filename: "zero.png",
    contentType: TYPES.png,
  })
  {
    // A real bomb: 12000×12000 1-bit (144 Mpx, under libvips' default pixel limit), all rows present, ~20 KB.
    const w = 12000
    const h = 12000
    const row = Buffer.alloc(1 + Math.ceil(w / 8))
    const all = Buffer.alloc(row.length * h)
    const data = zlib.deflateSync(all, { level: 9 })
    add(
      "bomb-png-12000x12000-complete",
      "Complete 12000×12000 1-bit PNG (144 Mpx) compressing to a few KB",
      cat(PNG_SIGNATURE, ihdr(w, h, 1, 0), pngChunk("IDAT", data), iend),
      { filename: "bomb.png", contentType: TYPES.png }
    )
  }
  const patchJpegSof = (j, w, h) => {
    const out = Buffer.from(j)
    const sof = jpegSegments(out).find((s) => s.marker >= 0xc0 && s.marker <= 0xc2)
    out.writeUInt16BE(h, sof.offset + 5)
    out.writeUInt16BE(w, sof.offset + 7)
    return out
  }
  add("bomb-jpeg-65535x65535", "JPEG whose SOF declares 65535×65535", patchJpegSof(jpeg, 65535, 65535))
  add("bomb-jpeg-65500x1", "JPEG whose SOF declares 65500×1", patchJpegSof(jpeg, 65500, 1), { acceptable: true })
  add("bomb-jpeg-zero-height", "JPEG whose SOF declares a height of 0 (DNL-style)", patchJpegSof(jpeg, 64, 0))
  add("bomb-jpeg-progressive-65535", "Progressive JPEG declaring 65535×65535 (huge coefficient buffer)", patchJpegSof(jpegProgressive, 65535, 65535))
  const vp8x = (w, h, flags = 0) => riffChunk("VP8X", cat(Buffer.from([flags, 0, 0, 0]), u32le(w - 1).subarray(0, 3), u32le(h - 1).subarray(0, 3)))
  const webpChunks = (w) => {
    const out = []
    let off = 12
    while (off + 8 <= w.length) {
      const size = w.readUInt32LE(off + 4)
      out.push({ fourcc: w.toString("latin1", off, off + 4), data: w.subarray(off + 8, off + 8 + size) })
      off += 8 + size + (size % 2)
    }
    return out
  }
  const vp8Chunk = webpChunks(webp).find((c) => c.fourcc === "VP8 ")
  add(
    "bomb-webp-vp8x-16777216",
    "WebP whose VP8X canvas declares 16777216×16777216",
    riff("WEBP", [vp8x(16777216, 16777216), riffChunk("VP8 ", vp8Chunk.data)]),
    { filename: "bomb.webp", contentType: TYPES.webp }
  )
  add("bomb-webp-vp8x-16383", "WebP whose VP8X canvas declares 16383×16383", riff("WEBP", [vp8x(16383, 16383), riffChunk("VP8 ", vp8Chunk.data)]), {
    filename: "bomb.webp",
    contentType: TYPES.webp,
  })
  {
    const vp8 = Buffer.from(vp8Chunk.data)
    vp8.writeUInt16LE(16383, 6)
    vp8.writeUInt16LE(16383, 8)
    add("bomb-webp-vp8-16383x16383", "Lossy WebP frame header declaring 16383×16383", riff("WEBP", [riffChunk("VP8 ", vp8)]), {
      filename: "bomb.webp",
      contentType: TYPES.webp,
    })
    const vp8l = Buffer.from(webpChunks(webpLossless).find((c) => c.fourcc === "VP8L").data)
    // 14-bit width-1 and height-1 after the 0x2f signature byte.
    const bits = (16383 & 0x3fff) | ((16383 & 0x3fff) << 14) | (vp8l.readUInt32LE(1) & 0xf0000000)
    vp8l.writeUInt32LE(bits >>> 0, 1)
    add("bomb-webp-vp8l-16384x16384", "Lossless WebP header declaring 16384×16384", riff("WEBP", [riffChunk("VP8L", vp8l)]), {
      filename: "bomb.webp",
      contentType: TYPES.webp,
    })
  }
  add("bomb-gif-65535", "GIF whose logical screen is 65535×65535", gif({ screenWidth: 65535, screenHeight: 65535 }), {
    filename: "bomb.gif",
    contentType: "image/gif",
  })
  add("bomb-bmp-huge", "BMP header declaring 50000×50000 with no pixels", bmp(50000, 50000, { pixels: Buffer.alloc(16) }), {
    filename: "bomb.bmp",
    contentType: "image/bmp",
  })
  add("bomb-tiff-huge", "TIFF declaring 100000×100000", tiffHeader({ width: 100000, height: 100000 }), {
    filename: "bomb.tiff",
    contentType: "image/tiff",
  })
  add("bomb-svg-as-jpeg", "SVG with a 100000×100000 canvas named .jpg", ascii(svgs[7][1]))

  // --- huge or hostile metadata
  const app1 = (payload) => jpegSegment(0xe1, payload)
  const exifFiller = (n) => app1(exifPayload(cat(tiffHeader(), fill(n, 0x41))))
  add("meta-jpeg-exif-64k", "JPEG with one maximal (64 KB) EXIF segment", jpegWithSegments(jpeg, [exifFiller(65000)]), { acceptable: true })
  add(
    "meta-jpeg-exif-many",
    "JPEG with 40 maximal EXIF segments (2.6 MB of metadata)",
    jpegWithSegments(
      jpeg,
      Array.from({ length: 40 }, () => exifFiller(65000))
    ),
    { acceptable: true }
  )
  add(
    "meta-jpeg-xmp-huge",
    "JPEG with 20 maximal XMP segments",
    jpegWithSegments(
      jpeg,
      Array.from({ length: 20 }, () => app1(cat("http://ns.adobe.com/xap/1.0/\0", "<x:xmpmeta>", fill(65000, 0x20))))
    ),
    { acceptable: true }
  )
  add(
    "meta-jpeg-icc-bogus",
    "JPEG with 30 ICC_PROFILE segments of garbage",
    jpegWithSegments(
      jpeg,
      Array.from({ length: 30 }, (_, i) => jpegSegment(0xe2, cat("ICC_PROFILE\0", Buffer.from([i + 1, 30]), randomBytes(rng, 60000))))
    ),
    { acceptable: true }
  )
  add(
    "meta-jpeg-icc-wrong-sequence",
    "JPEG with an ICC profile chunk numbered 5 of 2",
    jpegWithSegments(jpeg, [jpegSegment(0xe2, cat("ICC_PROFILE\0", Buffer.from([5, 2]), fill(128, 1)))]),
    { acceptable: true }
  )
  add(
    "meta-jpeg-exif-ifd-loop",
    "JPEG whose EXIF IFD points to itself forever",
    jpegWithSegments(jpeg, [app1(exifPayload(cat("II", u16le(42), u32le(8), u16le(1), u16le(0x8769), u16le(4), u32le(1), u32le(8), u32le(8))))]),
    { acceptable: true }
  )
  add(
    "meta-jpeg-exif-offset-out-of-range",
    "JPEG whose EXIF IFD offset is past the end",
    jpegWithSegments(jpeg, [app1(exifPayload(cat("II", u16le(42), u32le(0x7fffffff))))]),
    { acceptable: true }
  )
  add(
    "meta-jpeg-exif-huge-count",
    "JPEG whose EXIF entry claims 2^32-1 values",
    jpegWithSegments(jpeg, [app1(exifPayload(tiffHeader({ entries: [[270, 2, 0xffffffff, 8]] })))]),
    { acceptable: true }
  )
  add(
    "meta-jpeg-exif-orientation-99",
    "JPEG with an EXIF orientation of 99",
    jpegWithSegments(jpeg, [app1(exifPayload(tiffHeader({ entries: [[274, 3, 1, 99]] })))]),
    { acceptable: true }
  )
  add(
    "meta-jpeg-segment-length-short",
    "JPEG with an APP segment whose length is 1 (below the minimum 2)",
    jpegWithSegments(jpeg, [Buffer.from([0xff, 0xe1, 0x00, 0x01])]),
    { acceptable: true }
  )
  add(
    "meta-jpeg-segment-length-past-end",
    "JPEG with an APP segment whose length runs past the file",
    cat(jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff]), fill(100, 0x41))
  )
  add(
    "meta-png-text-huge",
    "PNG with a 4 MB tEXt chunk",
    cat(png.subarray(0, ihdrEnd), pngChunk("tEXt", cat("Comment\0", fill(4 * 1024 * 1024, 0x61))), png.subarray(ihdrEnd)),
    { filename: "t.png", contentType: TYPES.png, acceptable: true }
  )
  add(
    "meta-png-ztxt-bomb",
    "PNG with a zTXt chunk inflating to 200 MB",
    cat(
      png.subarray(0, ihdrEnd),
      pngChunk("zTXt", cat("Comment\0\0", zlib.deflateSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 }))),
      png.subarray(ihdrEnd)
    ),
    { filename: "z.png", contentType: TYPES.png, acceptable: true }
  )
  add(
    "meta-png-iccp-bomb",
    "PNG with an iCCP chunk inflating to 8 MB of zeros",
    cat(
      png.subarray(0, ihdrEnd),
      pngChunk("iCCP", cat("evil\0\0", zlib.deflateSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 }))),
      png.subarray(ihdrEnd)
    ),
    { filename: "i.png", contentType: TYPES.png, acceptable: true }
  )
  add(
    "meta-png-exif-garbage",
    "PNG with an eXIf chunk of garbage",
    cat(png.subarray(0, ihdrEnd), pngChunk("eXIf", randomBytes(rng, 2048)), png.subarray(ihdrEnd)),
    { filename: "e.png", contentType: TYPES.png, acceptable: true }
  )
  add(
    "meta-webp-exif-huge",
    "WebP (VP8X) with a 3 MB EXIF chunk",
    riff("WEBP", [vp8x(W, H, 0x08), riffChunk("VP8 ", vp8Chunk.data), riffChunk("EXIF", cat(tiffHeader(), fill(3 * 1024 * 1024, 0x42)))]),
    { filename: "e.webp", contentType: TYPES.webp, acceptable: true }
  )
  add(
    "meta-webp-iccp-garbage",
    "WebP (VP8X) with an ICCP chunk of garbage",
    riff("WEBP", [vp8x(W, H, 0x20), riffChunk("ICCP", randomBytes(rng, 4096)), riffChunk("VP8 ", vp8Chunk.data)]),
    { filename: "i.webp", contentType: TYPES.webp, acceptable: true }
  )

  // --- other formats (not accepted: JPEG, PNG and WebP only)
  add("gif-animated", "Animated GIF (2 frames, encoded by libvips)", gifAnimated, { filename: "anim.gif", contentType: "image/gif" })
  add("gif-animated-as-jpeg", "Animated GIF named .jpg", gifAnimated)
  add("gif-handmade-animated", "Hand-made 2×2 GIF with 3 frames and a loop extension", gif({ frames: 3 }), {
    filename: "anim.gif",
    contentType: "image/gif",
  })
  add("gif-static", "Hand-made static 2×2 GIF", gif(), { filename: "static.gif", contentType: "image/gif" })
  add("gif-truncated", "GIF cut inside its first frame", gif({ frames: 2, truncateAt: 30 }), { filename: "cut.gif", contentType: "image/gif" })
  add("webp-animated", "Animated WebP (2 frames)", webpAnimated, { filename: "anim.webp", contentType: TYPES.webp, acceptable: true })
  add(
    "png-apng-actl",
    "PNG with an acTL chunk claiming 1000 frames (APNG-like)",
    cat(png.subarray(0, ihdrEnd), pngChunk("acTL", cat(u32be(1000), u32be(0))), png.subarray(ihdrEnd)),
    { filename: "a.png", contentType: TYPES.png, acceptable: true }
  )
  add("tiff-real", "A real TIFF (libvips)", tiff, { filename: "img.tiff", contentType: "image/tiff" })
  add("tiff-real-as-jpeg", "A real TIFF named .jpg", tiff)
  add("tiff-big-endian-header", "Big-endian TIFF header, 1×1", tiffHeader({ bigEndian: true }), { filename: "be.tif", contentType: "image/tiff" })
  add("tiff-ifd-past-end", "TIFF whose first IFD is past the end", cat("II", u16le(42), u32le(0xffffff00)), {
    filename: "x.tif",
    contentType: "image/tiff",
  })
  add("tiff-bigtiff-header", "BigTIFF header (version 43) only", cat("II", u16le(43), u16le(8), u16le(0), u32le(16), u32le(0)), {
    filename: "big.tif",
    contentType: "image/tiff",
  })
  add("avif-real", "A real AVIF (libheif/aom)", avif, { filename: "img.avif", contentType: "image/avif" })
  add("avif-real-as-jpeg", "A real AVIF named .jpg", avif)
  add("heic-ftyp-garbage", "ISO-BMFF with ftyp heic followed by garbage", cat(ftyp("heic", ["mif1", "heic"]), randomBytes(rng, 512)), {
    filename: "img.heic",
    contentType: "image/heic",
  })
  add("heic-ftyp-as-jpeg", "HEIC ftyp header named .jpg", cat(ftyp("heic", ["mif1", "heic"]), box("meta", fill(64, 0))))
  add("heif-mif1-ftyp", "ISO-BMFF with ftyp mif1 and an empty meta box", cat(ftyp("mif1", ["mif1"]), box("meta", fill(4, 0))), {
    filename: "img.heif",
    contentType: "image/heif",
  })
  add("avif-ftyp-garbage", "ftyp avif with a box claiming 4 GB", cat(ftyp("avif", ["avif", "mif1"]), u32be(0xffffffff), "mdat", fill(64, 0)), {
    filename: "img.avif",
    contentType: "image/avif",
  })
  add("bmp-real", "A valid 4×4 24-bit BMP", bmp(4, 4), { filename: "img.bmp", contentType: "image/bmp" })
  add("bmp-as-jpeg", "A valid BMP named .jpg", bmp(4, 4))
  add("bmp-negative-height", "A BMP with a negative (top-down) height of -2^31", bmp(4, -0x80000000, { pixels: Buffer.alloc(48) }), {
    filename: "neg.bmp",
    contentType: "image/bmp",
  })
  add(
    "ico-as-png",
    "An icon header named .png",
    cat(u16le(0), u16le(1), u16le(1), Buffer.from([0, 0, 0, 0]), u16le(1), u16le(32), u32le(100000), u32le(22)),
    { filename: "i.png", contentType: TYPES.png }
  )

  // --- corrupt chunks / segments
  const pngReplaceChunk = (type, fn) => {
    const c = pngChunks(png).find((x) => x.type === type)
    return cat(png.subarray(0, c.offset), fn(png.subarray(c.offset + 8, c.offset + 8 + c.length)), png.subarray(c.end))
  }
  add(
    "png-ihdr-bad-crc",
    "PNG whose IHDR CRC is wrong",
    pngReplaceChunk("IHDR", (d) => pngChunk("IHDR", d, { badCrc: true })),
    { filename: "c.png", contentType: TYPES.png }
  )
  add(
    "png-idat-bad-crc",
    "PNG whose IDAT CRC is wrong",
    pngReplaceChunk("IDAT", (d) => pngChunk("IDAT", d, { badCrc: true })),
    { filename: "c.png", contentType: TYPES.png, acceptable: true }
  )
  add(
    "png-idat-bad-zlib",
    "PNG whose IDAT is not a zlib stream (CRC valid)",
    pngReplaceChunk("IDAT", (d) => pngChunk("IDAT", randomBytes(rng, d.length))),
    { filename: "c.png", contentType: TYPES.png }
  )
  add(
    "png-idat-zlib-wrong-adler",
    "PNG whose IDAT zlib checksum is wrong",
    pngReplaceChunk("IDAT", (d) => {
      const x = Buffer.from(d)
      x[x.length - 1] ^= 0xff
      return pngChunk("IDAT", x)
    }),
    { filename: "c.png", contentType: TYPES.png, acceptable: true }
  )
  add(
    "png-idat-too-short",
    "PNG whose IDAT inflates to fewer rows than IHDR declares",
    pngReplaceChunk("IDAT", () => pngChunk("IDAT", zlib.deflateSync(Buffer.alloc(10)))),
    { filename: "c.png", contentType: TYPES.png, acceptable: true }
  )
  add("png-no-iend", "PNG without IEND", png.subarray(0, png.length - 12), { filename: "c.png", contentType: TYPES.png, acceptable: true })
  add("png-no-idat", "PNG with IHDR and IEND only", cat(PNG_SIGNATURE, ihdr(W, H), iend), { filename: "c.png", contentType: TYPES.png })
  add("png-chunk-length-4gb", "PNG whose first chunk after IHDR claims 4 GB", cat(png.subarray(0, ihdrEnd), u32be(0xffffffff), "IDAT", fill(64, 0)), {
    filename: "c.png",
    contentType: TYPES.png,
  })
  add("png-duplicate-ihdr", "PNG with two IHDR chunks", cat(png.subarray(0, ihdrEnd), ihdr(1, 1), png.subarray(ihdrEnd)), {
    filename: "c.png",
    contentType: TYPES.png,
    acceptable: true,
  })
  add("png-bad-bit-depth", "PNG IHDR with bit depth 7", cat(PNG_SIGNATURE, ihdr(W, H, 7, 2), ...idatOf(png), iend), {
    filename: "c.png",
    contentType: TYPES.png,
  })
  add("png-bad-color-type", "PNG IHDR with colour type 5", cat(PNG_SIGNATURE, ihdr(W, H, 8, 5), ...idatOf(png), iend), {
    filename: "c.png",
    contentType: TYPES.png,
  })
  add(
    "png-palette-missing-plte",
    "Palette PNG without a PLTE chunk",
    cat(PNG_SIGNATURE, ihdr(4, 4, 8, 3), pngChunk("IDAT", zlib.deflateSync(Buffer.alloc(20))), iend),
    { filename: "c.png", contentType: TYPES.png }
  )
  add(
    "png-unknown-critical-chunk",
    "PNG with an unknown critical chunk 'ABCD'",
    cat(png.subarray(0, ihdrEnd), pngChunk("ABCD", fill(16, 1)), png.subarray(ihdrEnd)),
    { filename: "c.png", contentType: TYPES.png }
  )
  add("png-16bit-valid", "A valid 16-bit PNG", png16, { filename: "deep.png", contentType: TYPES.png, acceptable: true })
  add(
    "png-signature-wrong-eol",
    "PNG whose signature has \\n instead of \\r\\n (FTP text mode)",
    cat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a]), png.subarray(8)),
    { filename: "c.png", contentType: TYPES.png }
  )

  const segs = jpegSegments(jpeg)
  const seg = (m) => segs.find((s) => s.marker === m)
  const dht = seg(0xc4)
  const sos = seg(0xda)
  const dqt = seg(0xdb)
  const sof = segs.find((s) => s.marker === 0xc0)
  const without = (s) => cat(jpeg.subarray(0, s.offset), jpeg.subarray(s.offset + 2 + s.length))
  const patched = (offset, bytes) => {
    const out = Buffer.from(jpeg)
    bytes.copy(out, offset)
    return out
  }
  add("jpeg-dht-garbage", "JPEG whose Huffman table is random bytes", patched(dht.offset + 5, randomBytes(rng, dht.length - 3)))
  add("jpeg-dht-overfull", "JPEG whose Huffman code counts are all 255", patched(dht.offset + 5, fill(16, 0xff)))
  // libjpeg falls back on the standard tables: decodable.
  add(
    "jpeg-dht-missing",
    "JPEG without its Huffman tables",
    (() => {
      let j = jpeg
      for (;;) {
        const d = jpegSegments(j).find((s) => s.marker === 0xc4)
        if (!d) return j
        j = cat(j.subarray(0, d.offset), j.subarray(d.offset + 2 + d.length))
      }
    })(),
    { acceptable: true }
  )
  add("jpeg-dqt-missing", "JPEG without quantisation tables", without(dqt))
  add("jpeg-dqt-zero", "JPEG whose quantisation table is all zeros", patched(dqt.offset + 5, fill(64, 0)), { acceptable: true })
  add("jpeg-sof-missing", "JPEG without a frame header", without(sof))
  add("jpeg-sof-zero-components", "JPEG whose SOF declares 0 components", patched(sof.offset + 9, Buffer.from([0])))
  add("jpeg-sof-5-components", "JPEG whose SOF declares 5 components", patched(sof.offset + 9, Buffer.from([5])))
  add("jpeg-sof-12-bit", "JPEG whose SOF declares 12-bit precision", patched(sof.offset + 4, Buffer.from([12])))
  add("jpeg-sof-bad-sampling", "JPEG whose sampling factors are 0", patched(sof.offset + 11, Buffer.from([0x00])))
  add("jpeg-sof-arithmetic", "JPEG relabelled as arithmetic-coded (SOF9)", patched(sof.offset + 1, Buffer.from([0xc9])), { acceptable: true })
  add("jpeg-sof-lossless", "JPEG relabelled as lossless (SOF3)", patched(sof.offset + 1, Buffer.from([0xc3])))
  add("jpeg-sof-hierarchical", "JPEG relabelled as hierarchical (SOF5)", patched(sof.offset + 1, Buffer.from([0xc5])))
  add("jpeg-sos-missing", "JPEG cut right before its scan header", jpeg.subarray(0, sos.offset))
  add("jpeg-sos-bad-table", "JPEG whose scan refers to Huffman table 3", patched(sos.offset + 6, Buffer.from([0x33])))
  add("jpeg-sos-bad-component", "JPEG whose scan refers to a component that does not exist", patched(sos.offset + 5, Buffer.from([9])))
  add("jpeg-no-eoi", "JPEG without its EOI marker", jpeg.subarray(0, jpeg.length - 2), { acceptable: true })
  add(
    "jpeg-scan-zeroed",
    "JPEG whose entropy-coded data is all zeros",
    cat(jpeg.subarray(0, sos.offset + 2 + sos.length), fill(jpeg.length - sos.offset - 4 - sos.length, 0), Buffer.from([0xff, 0xd9])),
    { acceptable: true }
  )
  add(
    "jpeg-scan-random",
    "JPEG whose entropy-coded data is random",
    cat(jpeg.subarray(0, sos.offset + 2 + sos.length), randomBytes(rng, jpeg.length - sos.offset - 4 - sos.length), Buffer.from([0xff, 0xd9])),
    { acceptable: true }
  )
  add(
    "jpeg-rst-markers-wild",
    "JPEG with restart markers sprinkled in its scan",
    (() => {
      const j = Buffer.from(jpeg)
      for (let o = sos.offset + 2 + sos.length + 10; o < j.length - 4; o += 37) {
        j[o] = 0xff
        j[o + 1] = 0xd0 + (o % 8)
      }
      return j
    })(),
    { acceptable: true }
  )
  add("jpeg-double-soi", "JPEG with a second SOI inside the headers", jpegWithSegments(jpeg, [Buffer.from([0xff, 0xd8])]))
  add(
    "jpeg-cmyk-adobe",
    "JPEG with an Adobe APP14 claiming YCCK transform on 3 components",
    jpegWithSegments(jpeg, [jpegSegment(0xee, cat("Adobe", u16be(100), u16be(0), u16be(0), Buffer.from([2])))]),
    { acceptable: true }
  )
  add("jpeg-grey-valid", "A valid greyscale JPEG", jpegGray, { acceptable: true })

  const webpRiffSize = (size) => {
    const w = Buffer.from(webp)
    w.writeUInt32LE(size, 4)
    return w
  }
  add("webp-riff-size-huge", "WebP whose RIFF size is 4 GB", webpRiffSize(0xfffffff0), { filename: "c.webp", contentType: TYPES.webp })
  add("webp-riff-size-zero", "WebP whose RIFF size is 0", webpRiffSize(0), { filename: "c.webp", contentType: TYPES.webp })
  add("webp-riff-size-odd", "WebP whose RIFF size is off by 3", webpRiffSize(webp.length - 8 + 3), {
    filename: "c.webp",
    contentType: TYPES.webp,
    acceptable: true,
  })
  add(
    "webp-vp8-chunk-size-huge",
    "WebP whose VP8 chunk claims 2 GB",
    (() => {
      const w = Buffer.from(webp)
      w.writeUInt32LE(0x7fffffff, 16)
      return w
    })(),
    { filename: "c.webp", contentType: TYPES.webp }
  )
  add(
    "webp-vp8-bad-start-code",
    "WebP whose VP8 start code is wrong",
    (() => {
      const w = Buffer.from(webp)
      w[23] = 0x00
      w[24] = 0x00
      w[25] = 0x00
      return w
    })(),
    { filename: "c.webp", contentType: TYPES.webp }
  )
  add(
    "webp-vp8-data-random",
    "WebP whose VP8 bitstream (after the frame header) is random",
    (() => {
      const w = Buffer.from(webp)
      randomBytes(rng, w.length - 40).copy(w, 40)
      return w
    })(),
    { filename: "c.webp", contentType: TYPES.webp, acceptable: true }
  )
  add(
    "webp-vp8l-bad-signature",
    "Lossless WebP whose VP8L signature byte is wrong",
    (() => {
      const w = Buffer.from(webpLossless)
      w[20] = 0x00
      return w
    })(),
    { filename: "c.webp", contentType: TYPES.webp }
  )
  add("webp-vp8x-no-image", "WebP with VP8X and no image chunk", riff("WEBP", [vp8x(W, H)]), { filename: "c.webp", contentType: TYPES.webp })
  add(
    "webp-vp8x-alpha-garbage",
    "WebP (VP8X) with an ALPH chunk of garbage",
    riff("WEBP", [vp8x(W, H, 0x10), riffChunk("ALPH", randomBytes(rng, 300)), riffChunk("VP8 ", vp8Chunk.data)]),
    { filename: "c.webp", contentType: TYPES.webp, acceptable: true }
  )
  add("webp-anim-no-frames", "WebP (VP8X) flagged animated with ANIM but no ANMF", riff("WEBP", [vp8x(W, H, 0x02), riffChunk("ANIM", fill(6, 0))]), {
    filename: "c.webp",
    contentType: TYPES.webp,
  })
  add("webp-alpha-valid", "A valid WebP with alpha", webpAlpha, { filename: "alpha.webp", contentType: TYPES.webp, acceptable: true })

  // --- seeded bit flips in the body of each format
  const bitFlips = (label, bytes, type, ext, count, from) => {
    for (let i = 0; i < count; i++) {
      const out = Buffer.from(bytes)
      const flips = 1 + Math.floor(rng() * 8)
      for (let f = 0; f < flips; f++) {
        const pos = from + Math.floor(rng() * (bytes.length - from))
        out[pos] ^= 1 << Math.floor(rng() * 8)
      }
      add(`${label}-bitflip-${i}`, `${label} with ${flips} seeded bit flip(s) after byte ${from}`, out, {
        filename: `flip.${ext}`,
        contentType: type,
        acceptable: true,
      })
    }
  }
  bitFlips("jpeg", jpeg, TYPES.jpeg, "jpg", 20, 2)
  bitFlips("png", png, TYPES.png, "png", 15, 8)
  bitFlips("webp", webp, TYPES.webp, "webp", 15, 12)

  // --- declared type and name mismatches (the bytes decide, never the label)
  add("mismatch-png-as-jpeg", "A valid PNG named .jpg and sent as image/jpeg", png, { acceptable: true })
  add("mismatch-jpeg-as-png", "A valid JPEG named .png and sent as image/png", jpeg, {
    filename: "photo.png",
    contentType: TYPES.png,
    acceptable: true,
  })
  add("mismatch-webp-as-jpeg", "A valid WebP named .jpg", webp, { acceptable: true })
  add("mismatch-jpeg-as-octet-stream", "A valid JPEG sent as application/octet-stream", jpeg, {
    filename: "photo",
    contentType: "application/octet-stream",
    acceptable: true,
  })
  add("mismatch-jpeg-as-svg", "A valid JPEG sent as image/svg+xml", jpeg, { filename: "photo.svg", contentType: "image/svg+xml", acceptable: true })
  add("mismatch-jpeg-as-html", "A valid JPEG sent as text/html", jpeg, { filename: "photo.html", contentType: "text/html", acceptable: true })
  add("mismatch-jpeg-empty-type", "A valid JPEG with an empty content type", jpeg, { filename: "photo.jpg", contentType: "", acceptable: true })
  add("name-path-traversal", "A valid JPEG named ../../../etc/passwd", jpeg, { filename: "../../../etc/passwd", acceptable: true })
  add("name-windows-traversal", "A valid JPEG named ..\\..\\boot.ini", jpeg, { filename: "..\\..\\boot.ini", acceptable: true })
  add("name-very-long", "A valid JPEG with a 4096-character name", jpeg, { filename: `${"a".repeat(4092)}.jpg`, acceptable: true })
  add("name-rtl-override", "A valid JPEG named with a right-to-left override (gpj.exe)", jpeg, { filename: "photo\u202Egpj.exe", acceptable: true })
  add("name-html", "A valid JPEG named <img src=x onerror=alert(1)>.jpg", jpeg, { filename: "<img src=x onerror=alert(1)>.jpg", acceptable: true })
  add("name-dotfile", "A valid JPEG named .htaccess", jpeg, { filename: ".htaccess", acceptable: true })
  add("name-empty", "A valid JPEG with an empty file name", jpeg, { filename: "", acceptable: true })
  add("valid-jpeg-progressive", "A valid progressive JPEG", jpegProgressive, { acceptable: true })
  add("valid-png-interlaced", "A valid Adam7-interlaced PNG", pngInterlaced, { filename: "i.png", contentType: TYPES.png, acceptable: true })
  add("valid-webp-lossless", "A valid lossless WebP", webpLossless, { filename: "l.webp", contentType: TYPES.webp, acceptable: true })

  const seen = new Set()
  for (const f of files) {
    if (seen.has(f.name)) throw new Error(`malformed-files: duplicate name ${f.name}`)
    seen.add(f.name)
  }
  return files
}

// ---------------------------------------------------------------- oversized bodies

const MB = 1024 * 1024

/** Yields `size` bytes: `head` then `filler(chunkSize)` chunks, without holding the whole body. */
function lazyBody(size, head, makeChunk) {
  const createStream = () => {
    let sent = 0
    return new Readable({
      read() {
        if (sent >= size) return this.push(null)
        let chunk = sent === 0 ? head : makeChunk(sent)
        if (sent + chunk.length > size) chunk = chunk.subarray(0, size - sent)
        sent += chunk.length
        this.push(chunk)
      },
    })
  }
  const createBytes = () => {
    const out = Buffer.alloc(size)
    let off = 0
    while (off < size) {
      const chunk = off === 0 ? head : makeChunk(off)
      chunk.copy(out, off, 0, Math.min(chunk.length, size - off))
      off += chunk.length
    }
    return out
  }
  return { createStream, createBytes }
}

/**
 * Oversized bodies, built only when asked for (createBytes() or createStream()).
 * @returns {Array<{ name: string, description: string, big: true, size: number, filename: string, contentType: string, createBytes: () => Buffer, createStream: () => import("node:stream").Readable }>}
 */
function oversizedFiles() {
  // A JPEG header followed by maximal COM segments: looks like a JPEG until the size limit.
  const comSegment = cat(Buffer.from([0xff, 0xfe, 0xff, 0xff]), fill(0xfffd, 0x20))
  const pngText = pngChunk("tEXt", cat("Comment\0", fill(MB - 20, 0x61)))
  const pngHead = cat(PNG_SIGNATURE, ihdr(64, 48))
  const noise = (() => {
    const rng = makeRng(70)
    return randomBytes(rng, MB)
  })()
  const entry = (name, description, size, filename, contentType, head, makeChunk) => ({
    name,
    description,
    big: true,
    size,
    filename,
    contentType,
    ...lazyBody(size, head, makeChunk),
  })
  return [
    entry("jpeg-25mb-comments", "25 MB: JPEG SOI then comment segments", 25 * MB, "big.jpg", TYPES.jpeg, Buffer.from([0xff, 0xd8]), () => comSegment),
    entry("png-25mb-text", "25 MB: PNG header then 1 MB tEXt chunks", 25 * MB, "big.png", TYPES.png, pngHead, () => pngText),
    entry(
      "jpeg-70mb-comments",
      "70 MB: JPEG SOI then comment segments",
      70 * MB,
      "huge.jpg",
      TYPES.jpeg,
      Buffer.from([0xff, 0xd8]),
      () => comSegment
    ),
    entry("random-70mb", "70 MB of seeded noise named .jpg", 70 * MB, "noise.jpg", TYPES.jpeg, noise, () => noise),
  ]
}

// ---------------------------------------------------------------- multipart

const CRLF = "\r\n"

function partHead(part, eol) {
  const disposition = part.filename !== undefined ? `form-data; name="${part.name}"; filename="${part.filename}"` : `form-data; name="${part.name}"`
  const lines = [`Content-Disposition: ${disposition}`]
  if (part.contentType !== undefined && part.contentType !== "") lines.push(`Content-Type: ${part.contentType}`)
  for (const [k, v] of Object.entries(part.headers ?? {})) lines.push(`${k}: ${v}`)
  return lines.join(eol) + eol + eol
}

/**
 * A well-formed (unless told otherwise) multipart/form-data body.
 * @param {Array<{ name: string, filename?: string, contentType?: string, bytes?: Buffer, value?: string, headers?: Record<string,string> }>} parts
 * @param {{ boundary?: string, closing?: boolean, eol?: string }} [options]
 */
function buildMultipart(parts, options = {}) {
  const boundary = options.boundary ?? "----curator-fuzz-boundary-7d3f"
  const eol = options.eol ?? CRLF
  const chunks = []
  for (const part of parts) {
    chunks.push(
      ascii(`--${boundary}${eol}`),
      Buffer.from(partHead(part, eol), "utf8"),
      part.bytes ?? Buffer.from(part.value ?? "", "utf8"),
      ascii(eol)
    )
  }
  if (options.closing !== false) chunks.push(ascii(`--${boundary}--${eol}`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/**
 * Streams one oversized file as a multipart part without building it in memory.
 * @param {{ createStream: () => import("node:stream").Readable, size: number, filename: string, contentType: string }} bigFile
 * @param {{ fieldName?: string, boundary?: string }} [options]
 */
function multipartStream(bigFile, options = {}) {
  const boundary = options.boundary ?? "----curator-fuzz-boundary-big"
  const head = Buffer.from(
    `--${boundary}${CRLF}${partHead({ name: options.fieldName ?? "image", filename: bigFile.filename, contentType: bigFile.contentType }, CRLF)}`,
    "utf8"
  )
  const tail = ascii(`${CRLF}--${boundary}--${CRLF}`)
  async function* body() {
    yield head
    for await (const chunk of bigFile.createStream()) yield chunk
    yield tail
  }
  return {
    stream: Readable.from(body(), { objectMode: false }),
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + bigFile.size + tail.length,
  }
}

/**
 * Broken multipart requests. Each is a whole request body plus the Content-Type header to send with it.
 * @param {{ fieldName?: string, file?: Buffer }} [options] `file`: the bytes to put in the image part (any small buffer).
 * @returns {Array<{ name: string, description: string, contentType: string, body: Buffer }>}
 */
function brokenMultipartCases(options = {}) {
  const field = options.fieldName ?? "image"
  const file = options.file ?? cat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), fill(200, 0x11), Buffer.from([0xff, 0xd9]))
  const part = { name: field, filename: "photo.jpg", contentType: "image/jpeg", bytes: file }
  const good = buildMultipart([part], { boundary: "AaB03x" })
  const cases = []
  const add = (name, description, contentType, body) => cases.push({ name, description, contentType, body })

  add("missing-boundary-param", "multipart/form-data without a boundary parameter", "multipart/form-data", good.body)
  add("empty-boundary-param", "boundary= with an empty value", "multipart/form-data; boundary=", good.body)
  add("mismatched-boundary", "Header boundary differs from the one in the body", "multipart/form-data; boundary=NotTheBoundary", good.body)
  add("boundary-case-mismatch", "Boundary differs only in case", "multipart/form-data; boundary=aab03x", good.body)
  add("quoted-boundary-unterminated", "Boundary with an unterminated quote", 'multipart/form-data; boundary="AaB03x', good.body)
  add(
    "boundary-too-long",
    "A 200-character boundary (RFC 2046 allows 70)",
    `multipart/form-data; boundary=${"b".repeat(200)}`,
    buildMultipart([part], { boundary: "b".repeat(200) }).body
  )
  add("truncated-body-mid-part", "Body cut in the middle of the file part", good.contentType, good.body.subarray(0, Math.floor(good.body.length / 2)))
  add("truncated-body-mid-headers", "Body cut inside the part headers", good.contentType, good.body.subarray(0, 40))
  add("truncated-body-after-boundary", "Body is only the first boundary line", good.contentType, ascii("--AaB03x\r\n"))
  add(
    "no-closing-delimiter",
    "Body without the closing --boundary--",
    good.contentType,
    buildMultipart([part], { boundary: "AaB03x", closing: false }).body
  )
  add("closing-delimiter-only", "Body is only the closing delimiter (no parts)", good.contentType, ascii("--AaB03x--\r\n"))
  add("empty-body", "Empty body with a multipart content type", good.contentType, Buffer.alloc(0))
  add("preamble-only", "Body with text but no boundary at all", good.contentType, ascii("this is the preamble and nothing else\r\n"))
  add(
    "lf-only-line-endings",
    "Parts separated with LF instead of CRLF",
    good.contentType,
    buildMultipart([part], { boundary: "AaB03x", eol: "\n" }).body
  )
  add(
    "no-blank-line-after-headers",
    "Part headers run straight into the data",
    good.contentType,
    cat("--AaB03x\r\n", `Content-Disposition: form-data; name="${field}"; filename="a.jpg"\r\n`, file, "\r\n--AaB03x--\r\n")
  )
  add(
    "huge-header-line",
    "A 1 MB Content-Disposition header line",
    good.contentType,
    cat(
      "--AaB03x\r\n",
      `Content-Disposition: form-data; name="${field}"; filename="${"a".repeat(1024 * 1024)}.jpg"\r\n`,
      "Content-Type: image/jpeg\r\n\r\n",
      file,
      "\r\n--AaB03x--\r\n"
    )
  )
  add(
    "many-header-lines",
    "A part with 10,000 header lines",
    good.contentType,
    cat(
      "--AaB03x\r\n",
      `Content-Disposition: form-data; name="${field}"; filename="a.jpg"\r\n`,
      "X-Filler: x\r\n".repeat(10000),
      "\r\n",
      file,
      "\r\n--AaB03x--\r\n"
    )
  )
  add(
    "missing-content-disposition",
    "A part without Content-Disposition",
    good.contentType,
    cat("--AaB03x\r\nContent-Type: image/jpeg\r\n\r\n", file, "\r\n--AaB03x--\r\n")
  )
  add(
    "disposition-without-name",
    "Content-Disposition without a name",
    good.contentType,
    cat('--AaB03x\r\nContent-Disposition: form-data; filename="a.jpg"\r\n\r\n', file, "\r\n--AaB03x--\r\n")
  )
  add(
    "header-with-nul",
    "A part header containing a NUL byte",
    good.contentType,
    cat(`--AaB03x\r\nContent-Disposition: form-data; name="${field}\0"; filename="a\0.jpg"\r\n\r\n`, file, "\r\n--AaB03x--\r\n")
  )
  add(
    "header-invalid-utf8",
    "A part header with invalid UTF-8",
    good.contentType,
    cat(
      `--AaB03x\r\nContent-Disposition: form-data; name="${field}"; filename="`,
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      '.jpg"\r\n\r\n',
      file,
      "\r\n--AaB03x--\r\n"
    )
  )
  add(
    "rfc2231-filename",
    "filename* with a broken RFC 2231 encoding",
    good.contentType,
    cat(`--AaB03x\r\nContent-Disposition: form-data; name="${field}"; filename*=UTF-8''%ZZ%E2%82\r\n\r\n`, file, "\r\n--AaB03x--\r\n")
  )
  add(
    "nested-multipart-mixed",
    "A part that is itself multipart/mixed",
    good.contentType,
    cat(
      `--AaB03x\r\nContent-Disposition: form-data; name="${field}"\r\nContent-Type: multipart/mixed; boundary=BbC04y\r\n\r\n--BbC04y\r\nContent-Disposition: file; filename="a.jpg"\r\n\r\n`,
      file,
      "\r\n--BbC04y--\r\n--AaB03x--\r\n"
    )
  )
  add(
    "base64-transfer-encoding",
    "A file part declaring Content-Transfer-Encoding: base64",
    good.contentType,
    cat(
      `--AaB03x\r\nContent-Disposition: form-data; name="${field}"; filename="a.jpg"\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
      file.toString("base64"),
      "\r\n--AaB03x--\r\n"
    )
  )
  add(
    "many-tiny-file-parts",
    "1,000 file parts of 10 bytes",
    good.contentType,
    buildMultipart(
      Array.from({ length: 1000 }, () => ({ ...part, bytes: file.subarray(0, 10) })),
      { boundary: "AaB03x" }
    ).body
  )
  add(
    "many-fields",
    "2,000 text fields",
    good.contentType,
    buildMultipart([...Array.from({ length: 2000 }, (_, i) => ({ name: `f${i}`, value: "x" })), part], { boundary: "AaB03x" }).body
  )
  add(
    "huge-field-value",
    "A 2 MB text field",
    good.contentType,
    buildMultipart([{ name: "metadata", value: "x".repeat(2 * 1024 * 1024) }, part], { boundary: "AaB03x" }).body
  )
  add(
    "field-named-proto",
    "A field called __proto__",
    good.contentType,
    buildMultipart([{ name: "__proto__", value: '{"polluted":true}' }, { name: "constructor", value: "x" }, part], { boundary: "AaB03x" }).body
  )
  add(
    "wrong-file-field-name",
    "The image sent under another field name",
    good.contentType,
    buildMultipart([{ ...part, name: "file" }], { boundary: "AaB03x" }).body
  )
  add(
    "image-as-text-field",
    "The image field sent without a filename (a text field)",
    good.contentType,
    buildMultipart([{ name: field, value: "not a file" }], { boundary: "AaB03x" }).body
  )
  add("json-body-with-multipart-type", "A JSON body labelled multipart", good.contentType, ascii('{"image":"x"}'))
  add("multipart-body-with-json-type", "A multipart body labelled application/json", "application/json", good.body)
  add("multipart-body-with-text-type", "A multipart body labelled text/plain", "text/plain", good.body)
  add("multipart-related", "multipart/related instead of form-data", "multipart/related; boundary=AaB03x", good.body)
  add("content-type-garbage", "A content type that is not a media type", ";;;===", good.body)
  add(
    "boundary-inside-data",
    "The boundary string appears inside the file data",
    good.contentType,
    buildMultipart([{ ...part, bytes: cat(file, "\r\n--AaB03x-not-really\r\n", file) }], { boundary: "AaB03x" }).body
  )
  return cases
}

module.exports = {
  generateMalformedFiles,
  oversizedFiles,
  buildMultipart,
  multipartStream,
  brokenMultipartCases,
  makeRng,
}
