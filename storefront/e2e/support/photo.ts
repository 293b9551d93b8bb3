import { Page } from "playwright-core"

/**
 * A real JPEG for upload fields, drawn by the page's own canvas (no image files in the repo,
 * no image library): a coloured background with a label, so each test's photo differs.
 */
export async function outfitPhoto(
  page: Page,
  label: string,
  size = { width: 600, height: 800 }
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const dataUrl = await page.evaluate(
    ({ label, width, height }) => {
      const canvas = document.createElement("canvas")
      canvas.width = width
      canvas.height = height
      const ctx = canvas.getContext("2d")!
      const gradient = ctx.createLinearGradient(0, 0, width, height)
      gradient.addColorStop(0, "#c9b79c")
      gradient.addColorStop(1, "#5b4636")
      ctx.fillStyle = gradient
      ctx.fillRect(0, 0, width, height)
      ctx.fillStyle = "#1b1b1f"
      ctx.fillRect(width * 0.3, height * 0.25, width * 0.4, height * 0.5)
      ctx.fillStyle = "#ffffff"
      ctx.font = "bold 32px sans-serif"
      ctx.fillText(label, 24, 56)
      return canvas.toDataURL("image/jpeg", 0.9)
    },
    { label, ...size }
  )
  return { name: `${label.replace(/[^a-z0-9]+/gi, "-")}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(dataUrl.split(",")[1], "base64") }
}
