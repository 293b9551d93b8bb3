import type { StoreSocialTagSuggestionsResponse } from "../../../../types/http/social"
import { suggestPostTags } from "../../../../visual/photo-suggestions"
import { photoSuggestionRoute } from "../../../utils/photo-suggestion-route"

/**
 * Products to tag on a new post's photo (multipart `image`): the catalog products that look like
 * each garment in it, as product cards for the shopper's region (published products of the
 * publishable key's sales channels only). The photo is not stored. 503 when the image service is down.
 */
export const POST = photoSuggestionRoute<StoreSocialTagSuggestionsResponse>(async (scope, input) => {
  const suggestions = await suggestPostTags(scope, input)
  return { suggestions, ...(suggestions.length ? {} : { message: "No garment with a matching product was found in the photo." }) }
})
