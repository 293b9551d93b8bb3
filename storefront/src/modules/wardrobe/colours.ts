/**
 * What a colour name looks like, for chart swatches: the shop's own colours (the demo catalog's
 * names) and common fashion names. Names are matched whole first ("Sky Blue"), then by their last
 * word ("Dusty Pink" → pink); a name it does not know gets null.
 */
const COLOUR_HEX: Record<string, string> = {
  black: "#1b1b1d",
  white: "#f4f2ec",
  ivory: "#f3eedb",
  cream: "#f1e6cc",
  ecru: "#e3d8c3",
  beige: "#d8c3a0",
  stone: "#b9ad97",
  sand: "#d6c29a",
  taupe: "#8b7d6b",
  camel: "#c19a6b",
  tan: "#c8a06e",
  khaki: "#a89b6a",
  brown: "#6f4a2e",
  chocolate: "#5a3825",
  grey: "#8e8e91",
  gray: "#8e8e91",
  "grey marl": "#9a9a9c",
  charcoal: "#3c3d40",
  silver: "#bfc1c4",
  navy: "#1f2a44",
  blue: "#2f5fb3",
  "sky blue": "#8fb8de",
  denim: "#4a6a8f",
  teal: "#1f6f73",
  turquoise: "#33b5b0",
  green: "#2e7d4a",
  olive: "#6b7045",
  sage: "#a3b18a",
  mint: "#a8dcc1",
  yellow: "#e8c52a",
  mustard: "#d9a404",
  gold: "#c9a227",
  orange: "#e0701f",
  rust: "#b5541c",
  red: "#c0262d",
  burgundy: "#6d1a36",
  wine: "#6a1f33",
  pink: "#e58fb0",
  blush: "#e8b4b8",
  coral: "#ef7f6b",
  purple: "#6b3fa0",
  lilac: "#b7a4d6",
  lavender: "#c3b5e3",
}

export function colourHex(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ")
  if (COLOUR_HEX[key]) return COLOUR_HEX[key]
  const last = key.split(/[\s-]/).pop() ?? ""
  return COLOUR_HEX[last] ?? null
}
