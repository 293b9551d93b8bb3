import { suggestWardrobeItem } from "../../../../visual/photo-suggestions"
import { photoSuggestionRoute } from "../../../utils/photo-suggestion-route"

/**
 * What to pre-fill a new wardrobe item with from its photo (multipart `image`): category, colours
 * and the catalog products that look like it. Nothing is stored: the item is created as usual
 * (POST /store/wardrobe/items) with what the shopper keeps. 503 when the image service is down.
 */
export const POST = photoSuggestionRoute(suggestWardrobeItem)
