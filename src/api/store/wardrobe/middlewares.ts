import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../shopper/context"
import { allowOnlyFields } from "../../utils/allowed-fields"
import { photoUpload } from "../../utils/image-upload"
import { jsonBody, requireBodyContentType } from "../../utils/request-body"
import {
  ALLOWED_OUTFIT_FIELDS,
  ALLOWED_WARDROBE_ITEM_FIELDS,
  listOutfitsConfig,
  listWardrobeItemsConfig,
  retrieveOutfitConfig,
  retrieveWardrobeItemConfig,
} from "./query-config"
import {
  StoreCreateOutfit,
  StoreCreateWardrobeItem,
  StoreGetOutfitParams,
  StoreGetOutfitsParams,
  StoreGetWardrobeItemParams,
  StoreGetWardrobeItemsParams,
  StoreLogWear,
  StoreUpdateOutfit,
  StoreUpdateWardrobeItem,
  StoreWardrobePhotoSuggestionsBody,
} from "./validators"

const JSON_OR_MULTIPART = ["application/json", "multipart/form-data"]
const wardrobePhotoUpload = photoUpload({ field: "photo" })
const oneItem = [allowOnlyFields(ALLOWED_WARDROBE_ITEM_FIELDS), validateAndTransformQuery(StoreGetWardrobeItemParams, retrieveWardrobeItemConfig)]
// Outfits show catalog products as product cards for the shopper's region (region_id or country_code).
const oneOutfit = [allowOnlyFields(ALLOWED_OUTFIT_FIELDS), validateAndTransformQuery(StoreGetOutfitParams, retrieveOutfitConfig), shopperContext]

export const storeWardrobeMiddlewares: MiddlewareRoute[] = [
  // Wardrobe: signed-in customers only (an admin's token is not a customer's and gets 401).
  {
    matcher: "/store/wardrobe*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/wardrobe/items",
    methods: ["GET"],
    middlewares: [allowOnlyFields(ALLOWED_WARDROBE_ITEM_FIELDS), validateAndTransformQuery(StoreGetWardrobeItemsParams, listWardrobeItemsConfig)],
  },
  {
    matcher: "/store/wardrobe/items",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_OR_MULTIPART), wardrobePhotoUpload, validateAndTransformBody(StoreCreateWardrobeItem), ...oneItem],
  },
  { matcher: "/store/wardrobe/items/:id", methods: ["GET", "DELETE"], middlewares: oneItem },
  {
    matcher: "/store/wardrobe/items/:id",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_OR_MULTIPART), wardrobePhotoUpload, validateAndTransformBody(StoreUpdateWardrobeItem), ...oneItem],
  },
  {
    // Category, colours and products to pre-fill a new item with: the photo is held in memory for the request only.
    matcher: "/store/wardrobe/photo-suggestions",
    methods: ["POST"],
    middlewares: [
      requireBodyContentType(["multipart/form-data"]),
      photoUpload({ field: "image" }),
      validateAndTransformBody(StoreWardrobePhotoSuggestionsBody),
      shopperContext,
    ],
  },
  {
    matcher: "/store/wardrobe/items/:id/wear",
    methods: ["POST"],
    middlewares: jsonBody(StoreLogWear),
  },
  {
    matcher: "/store/wardrobe/outfits",
    methods: ["GET"],
    middlewares: [allowOnlyFields(ALLOWED_OUTFIT_FIELDS), validateAndTransformQuery(StoreGetOutfitsParams, listOutfitsConfig), shopperContext],
  },
  {
    matcher: "/store/wardrobe/outfits",
    methods: ["POST"],
    middlewares: [...jsonBody(StoreCreateOutfit), ...oneOutfit],
  },
  { matcher: "/store/wardrobe/outfits/:id", methods: ["GET", "DELETE"], middlewares: oneOutfit },
  {
    matcher: "/store/wardrobe/outfits/:id",
    methods: ["POST"],
    middlewares: [...jsonBody(StoreUpdateOutfit), ...oneOutfit],
  },
  {
    matcher: "/store/wardrobe/outfits/:id/wear",
    methods: ["POST"],
    middlewares: jsonBody(StoreLogWear),
  },
]
