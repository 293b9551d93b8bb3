import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { adminGet, adminUrl, signInAdmin } from "./support/admin"
import { screenshot, useBrowser } from "./support/browser"

type Chart = { id: string; name: string; sizes: { size: string; chest?: { min: number; max: number } | null }[] }

/**
 * The admin's Size charts page: every chart listed with its category and brand; a chart's rows
 * edited in place and saved through the Admin API (then put back, as other tests read the chart).
 */
describe("admin: size charts", () => {
  const browser = useBrowser({ viewport: { width: 1440, height: 900 } })

  test("lists the charts and saves an edited row", async () => {
    const page = await browser.newPage()
    await signInAdmin(page)
    await page.goto(adminUrl("/size-charts"))
    await page.getByRole("heading", { name: "Size charts", level: 1 }).waitFor()
    assert.equal(await page.getByRole("link", { name: "Size charts" }).count(), 1, "the sidebar links to the page")
    await page.getByRole("cell", { name: "Tops (EU/UK)" }).click()
    const editor = page.getByTestId("size-chart-editor")
    await editor.getByRole("heading", { name: "Tops (EU/UK)" }).waitFor()

    const xxlChestMax = editor.getByLabel("XXL Chest max")
    const original = await xxlChestMax.inputValue()
    await xxlChestMax.fill("121")
    await editor.getByRole("button", { name: "Save chart" }).click()
    await page.getByText("Tops (EU/UK) saved").waitFor()
    await screenshot(page, "admin-size-charts")

    const read = async () => {
      const { size_charts } = await adminGet<{ size_charts: Chart[] }>(page, "/admin/size-charts?limit=100")
      return size_charts.find((c) => c.name === "Tops (EU/UK)")!.sizes.find((r) => r.size === "XXL")!.chest!.max
    }
    assert.equal(await read(), 121)

    await editor.getByLabel("XXL Chest max").fill(original)
    await editor.getByRole("button", { name: "Save chart" }).click()
    for (let i = 0; i < 20 && (await read()) !== Number(original); i++) await new Promise((r) => setTimeout(r, 250))
    assert.equal(await read(), Number(original))
  })
})
