import { ClientError } from "../errors.ts";

/**
 * How a catalog category is worn: on the upper body (sleeves follow the arms), from the shoulders
 * down (a dress), or on the lower body with two legs or as a skirt.
 */
export type GarmentKind = "top" | "full" | "legs" | "skirt";

export const TRY_ON_CATEGORIES: Readonly<Record<string, GarmentKind>> = {
  tops: "top",
  shirts: "top",
  knitwear: "top",
  outerwear: "top",
  dresses: "full",
  trousers: "legs",
  jeans: "legs",
  skirts: "skirt",
};

/**
 * Where a category's garments end on the body, in leg lengths below the hips (0 = hips, 1 = knees,
 * 2 = ankles): typical lengths, not the product drawing's (flat drawings shorten coats and dresses).
 * Categories not named keep the drawing's own proportions (tops end about at the hips there).
 */
export const HEM_BY_CATEGORY: Readonly<Record<string, number>> = {
  outerwear: 0.6,
  dresses: 1.5,
};

export const isUpperBody = (kind: GarmentKind): boolean => kind === "top" || kind === "full";

/** The kind for a category handle, or 422 `category_not_supported` (shoes, bags, accessories, anything unknown). */
export function garmentKind(category: string): GarmentKind {
  const kind = Object.prototype.hasOwnProperty.call(TRY_ON_CATEGORIES, category) ? TRY_ON_CATEGORIES[category] : undefined;
  if (!kind) {
    throw new ClientError(
      422,
      "category_not_supported",
      `Try-on does not support the category "${category}"; it supports ${Object.keys(TRY_ON_CATEGORIES).join(", ")}.`,
    );
  }
  return kind;
}
