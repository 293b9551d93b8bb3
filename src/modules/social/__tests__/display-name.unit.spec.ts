import { displayNameOf } from "../display-name"

describe("display names", () => {
  it("shows first name and last initial, never more", () => {
    expect(displayNameOf({ first_name: "Ines", last_name: "moreau" })).toBe("Ines M.")
    expect(displayNameOf({ first_name: " Jonas ", last_name: null })).toBe("Jonas")
    expect(displayNameOf({ first_name: null, last_name: null })).toBe("Curator member")
  })
})
