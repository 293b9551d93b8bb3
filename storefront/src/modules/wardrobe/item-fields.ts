import { photoProblem } from "@lib/util/uploads"

const ITEM_TEXT_FIELDS = ["name", "category", "colours", "brand", "size", "price_paid", "currency_code", "material", "season", "notes", "acquired_on"]

export type ItemFormValues = Record<string, string>

/** The item form's fields, checked: what the shopper typed, a message per wrong field, and the chosen photo. */
export function readItemForm(formData: FormData): { values: ItemFormValues; fieldErrors: Record<string, string>; file: File | null } {
  const values = Object.fromEntries(ITEM_TEXT_FIELDS.map((n) => [n, String(formData.get(n) ?? "").trim()]))
  const fieldErrors: Record<string, string> = {}
  if (!values.name) fieldErrors.name = "Give the item a name, like “Navy wool coat”."
  if (values.price_paid && !(Number(values.price_paid) >= 0)) fieldErrors.price_paid = "Enter the price as a number, like 49.90."
  if (values.acquired_on && !/^\d{4}-\d{2}-\d{2}$/.test(values.acquired_on)) fieldErrors.acquired_on = "Enter a date."
  const photo = formData.get("photo")
  const file = photo && typeof photo === "object" && photo.size > 0 ? photo : null
  const tooLarge = file ? photoProblem(file) : null
  if (tooLarge) fieldErrors.photo = tooLarge
  return { values, fieldErrors, file }
}

/**
 * The multipart body Medusa's item routes take. A new item leaves empty fields out; an edit sends
 * them empty, which clears them. A price needs its currency: without a price neither is sent on
 * create, and both are cleared on edit.
 */
export function itemBody(values: ItemFormValues, file: File | null, options: { edit: boolean; removePhoto?: boolean }): FormData {
  const body = new FormData()
  for (const [name, value] of Object.entries(values)) {
    if (name === "price_paid" || name === "currency_code") continue
    if (!options.edit && value === "") continue
    body.append(name, value)
  }
  if (values.price_paid || options.edit) {
    body.append("price_paid", values.price_paid)
    body.append("currency_code", values.price_paid ? values.currency_code || "eur" : "")
  }
  if (file) body.append("photo", file, file.name || "photo.jpg")
  else if (options.edit && options.removePhoto) body.append("remove_photo", "true")
  return body
}
