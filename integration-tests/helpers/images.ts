import sharp from "sharp"

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
