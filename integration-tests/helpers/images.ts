import fs from "node:fs"
import sharp from "sharp"
import { fileKeyOf, PUBLIC_DIR } from "./files"

type Colour = string | { r: number; g: number; b: number; alpha?: number }

/** A JPEG of one colour: the photo every upload test sends. */
export const solidJpeg = (width: number, height: number, background: Colour = "#7a4b2a") =>
  sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer()

/** A PNG of one colour with an alpha channel (the default is half transparent). */
export const solidPng = (width: number, height: number, background: Colour = "#00ff0080") =>
  sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer()

/** A shopper's own photo of a stored catalog image: cropped a little and saved again smaller, as a phone would give it. */
export async function phonePhotoOf(imageUrl: string, width: number): Promise<Buffer> {
  const stored = fs.readFileSync(`${PUBLIC_DIR}/${fileKeyOf(imageUrl)}`)
  const { width: w = 0, height: h = 0 } = await sharp(stored).metadata()
  return sharp(stored)
    .extract({ left: Math.round(w * 0.03), top: Math.round(h * 0.03), width: Math.round(w * 0.94), height: Math.round(h * 0.94) })
    .resize({ width })
    .jpeg({ quality: 80 })
    .toBuffer()
}
