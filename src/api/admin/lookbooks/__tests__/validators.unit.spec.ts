import { AdminCreateLook, AdminCreateLookbook, AdminReplaceHotspots, AdminUpdateLookbook } from "../validators"

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message)

describe("lookbook admin validators", () => {
  it("reads a look's multipart fields: hotspots as a JSON string, position as text, blank notes as null", () => {
    const parsed = AdminCreateLook.parse({
      notes: " ",
      position: "2",
      hotspots: JSON.stringify([{ x: 0.25, y: 1, variant_id: "variant_1" }]),
    })
    expect(parsed).toEqual({ notes: null, position: 2, hotspots: [{ x: 0.25, y: 1, variant_id: "variant_1" }] })
    expect(AdminCreateLook.parse({ hotspots: "" })).toEqual({ hotspots: [] })
    expect(AdminCreateLook.parse({})).toEqual({})
  })

  it("refuses unreadable or out-of-range hotspots and unknown fields", () => {
    expect(messages(AdminCreateLook.safeParse({ hotspots: "[{x:" }))).toEqual([expect.stringMatching(/hotspots must be a JSON array/)])
    expect(AdminCreateLook.safeParse({ hotspots: JSON.stringify([{ x: -0.1, y: 0.5, variant_id: "v" }]) }).success).toBe(false)
    expect(AdminCreateLook.safeParse({ hotspots: JSON.stringify([{ x: 0.1, y: 0.5 }]) }).success).toBe(false)
    expect(AdminCreateLook.safeParse({ hotspots: JSON.stringify([{ x: "0.1", y: 0.5, variant_id: "v" }]) }).success).toBe(false)
    expect(AdminCreateLook.safeParse({ colour: "red" }).success).toBe(false)
    const many = Array.from({ length: 31 }, () => ({ x: 0.5, y: 0.5, variant_id: "v" }))
    expect(AdminReplaceHotspots.safeParse({ hotspots: many }).success).toBe(false)
    expect(AdminReplaceHotspots.safeParse({}).success).toBe(false)
    expect(AdminReplaceHotspots.parse({ hotspots: [] })).toEqual({ hotspots: [] })
  })

  it("checks lookbook titles, handles and statuses", () => {
    expect(AdminCreateLookbook.parse({ title: "  Resort " })).toEqual({ title: "Resort" })
    expect(AdminCreateLookbook.safeParse({ title: "" }).success).toBe(false)
    expect(messages(AdminCreateLookbook.safeParse({ title: "X", handle: "Resort 26" }))).toEqual([expect.stringMatching(/handle may hold only/)])
    expect(AdminCreateLookbook.safeParse({ title: "X", handle: "resort--26" }).success).toBe(false)
    expect(AdminCreateLookbook.safeParse({ title: "X", handle: "resort-26" }).success).toBe(true)
    expect(AdminUpdateLookbook.safeParse({ status: "archived" }).success).toBe(false)
    expect(AdminUpdateLookbook.parse({ status: "published", description: "" })).toEqual({ status: "published", description: null })
  })
})
