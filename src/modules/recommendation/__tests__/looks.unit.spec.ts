import { answersFromLooks, fillEmptyAnswers, LikedLook } from "../looks"
import { applyPatch, emptyStyleProfile, normalizePatch } from "../profile"

const look = (product_id: string, colours: string[], extra: Partial<LikedLook> = {}): LikedLook => ({
  product_id,
  colours,
  styles: [],
  occasions: [],
  brand: null,
  ...extra,
})

describe("answers derived from the style quiz's looks", () => {
  it("ranks what several looks share, a one-colour look weighing more for its colour", () => {
    const derived = answersFromLooks([
      look("p1", ["Navy"], { occasions: ["work"], brand: "Kestrel", styles: ["minimal"] }),
      look("p2", ["Navy", "Ecru"], { occasions: ["work", "everyday"], brand: "Kestrel" }),
      look("p3", ["Ecru", "Rust", "Black"], { occasions: ["everyday"], brand: "Linea", styles: ["Minimal"] }),
    ])
    // Navy: 1 + 1/2; Ecru: 1/2 + 1/3; Rust and Black are in one look of three, so they do not count.
    expect(derived.colours_liked).toEqual(["navy", "ecru"])
    expect(derived.occasions).toEqual(["work", "everyday"])
    expect(derived.styles).toEqual(["minimal"])
    // Brands keep their spelling; Linea is one look of three.
    expect(derived.brands).toEqual(["Kestrel"])
  })

  it("takes a single look's answers, and nothing from no looks", () => {
    expect(answersFromLooks([look("p1", ["Sky Blue"], { brand: "Rue Sept" })])).toEqual({
      colours_liked: ["sky blue"],
      styles: [],
      occasions: [],
      brands: ["Rue Sept"],
    })
    expect(answersFromLooks([])).toEqual({ colours_liked: [], styles: [], occasions: [], brands: [] })
  })

  it("keeps at most four of each, most shared first", () => {
    const looks = ["a", "b", "c"].map((id) => look(id, ["Black", "White", "Navy", "Camel", "Olive"]))
    looks[0].colours = ["Olive"]
    expect(answersFromLooks(looks).colours_liked).toEqual(["olive", "black", "white", "navy"])
  })

  it("fills only the lists the shopper left empty, never liking a colour they avoid", () => {
    const profile = applyPatch(emptyStyleProfile(), normalizePatch({ colours_avoided: ["navy"], occasions: ["evening"], sizes: { tops: "M" } }))
    const filled = fillEmptyAnswers(profile, { colours_liked: ["navy", "ecru"], styles: ["minimal"], occasions: ["work"], brands: ["Kestrel"] })
    expect(filled).toEqual({ ...profile, colours_liked: ["ecru"], styles: ["minimal"], brands: ["Kestrel"] })
    // The profile given is not changed.
    expect(profile.colours_liked).toEqual([])
  })
})
