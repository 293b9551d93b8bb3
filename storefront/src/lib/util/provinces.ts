/**
 * The states, provinces and territories of the countries whose addresses need one, by ISO 3166-2
 * subdivision code (without the country prefix): what a saved address stores in `province`,
 * as the demo's US shopper does ("NY").
 */
const US = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
  AS: "American Samoa",
  GU: "Guam",
  MP: "Northern Mariana Islands",
  PR: "Puerto Rico",
  VI: "U.S. Virgin Islands",
}
const CA = {
  AB: "Alberta",
  BC: "British Columbia",
  MB: "Manitoba",
  NB: "New Brunswick",
  NL: "Newfoundland and Labrador",
  NS: "Nova Scotia",
  NT: "Northwest Territories",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Prince Edward Island",
  QC: "Quebec",
  SK: "Saskatchewan",
  YT: "Yukon",
}
const AU = {
  ACT: "Australian Capital Territory",
  NSW: "New South Wales",
  NT: "Northern Territory",
  QLD: "Queensland",
  SA: "South Australia",
  TAS: "Tasmania",
  VIC: "Victoria",
  WA: "Western Australia",
}

const BY_COUNTRY: Record<string, { label: string; names: Record<string, string> }> = {
  us: { label: "State", names: US },
  ca: { label: "Province or territory", names: CA },
  au: { label: "State or territory", names: AU },
}

export type ProvinceChoice = { code: string; name: string }

/** The country's subdivisions, sorted by name, when its addresses need one; null otherwise. */
export function provincesOf(countryCode: string | undefined): { label: string; choices: ProvinceChoice[] } | null {
  const entry = BY_COUNTRY[(countryCode ?? "").toLowerCase()]
  if (!entry) return null
  const choices = Object.entries(entry.names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return { label: entry.label, choices }
}

/**
 * The message for a missing or unknown state where the country needs one; null when the value
 * is fine. A value in any case ("ny") or with the country prefix ("US-NY") is accepted as its code.
 */
export function provinceError(countryCode: string | undefined, province: string | undefined): string | null {
  const entry = BY_COUNTRY[(countryCode ?? "").toLowerCase()]
  if (!entry) return null
  const code = normaliseProvince(countryCode, province)
  if (code && code in entry.names) return null
  return province ? `Choose a ${entry.label.toLowerCase()} from the list.` : `Choose the ${entry.label.toLowerCase()}.`
}

/** The stored form of a province: the upper-case code without a country prefix ("us-ny" → "NY"). */
export function normaliseProvince(countryCode: string | undefined, province: string | undefined): string {
  const value = (province ?? "").trim().toUpperCase()
  const prefix = `${(countryCode ?? "").toUpperCase()}-`
  return value.startsWith(prefix) ? value.slice(prefix.length) : value
}
