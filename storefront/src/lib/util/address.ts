export const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "postal_code",
  "province",
  "country_code",
  "phone",
]

/** Field → message for what is missing or malformed in a postal address. */
export function validateAddress(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!values.first_name) errors.first_name = "Enter the first name."
  if (!values.last_name) errors.last_name = "Enter the last name."
  if (!values.address_1) errors.address_1 = "Enter the street and house number."
  if (!values.city) errors.city = "Enter the town or city."
  if (!values.postal_code) errors.postal_code = "Enter the postal code."
  if (!/^[a-z]{2}$/i.test(values.country_code ?? "")) errors.country_code = "Choose a country."
  return errors
}
