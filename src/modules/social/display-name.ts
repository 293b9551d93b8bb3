/** "Ines M.": first name and the initial of the last name, never the e-mail address. */
export function displayNameOf(customer: { first_name?: string | null; last_name?: string | null } | null | undefined): string {
  const first = customer?.first_name?.trim() ?? ""
  const initial = customer?.last_name?.trim()?.charAt(0) ?? ""
  const name = [first, initial ? `${initial.toUpperCase()}.` : ""].filter(Boolean).join(" ")
  return name || "Curator member"
}
