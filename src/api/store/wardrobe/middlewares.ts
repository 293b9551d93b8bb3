import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { photoUpload, requireBodyContentType } from "../../utils/image-upload"
import {
  ALLOWED_OUTFIT_FIELDS,
  ALLOWED_WARDROBE_ITEM_FIELDS,
  allowOnlyFields,
  listOutfitsConfig,
  listWardrobeItemsConfig,
  retrieveOutfitConfig,
  retrieveWardrobeItemConfig,
} from "./query-config"
import {
  StoreCreateOutfit,
  StoreCreateWardrobeItem,
  StoreGetOutfitsParams,
  StoreGetWardrobeEntityParams,
  StoreGetWardrobeItemsParams,
  StoreLogWear,
  StoreUpdateOutfit,
  StoreUpdateWardrobeItem,
} from "./validators"

const JSON_BODY = ["application/json"]
const JSON_OR_MULTIPART = ["application/json", "multipart/form-data"]
const wardrobePhotoUpload = photoUpload({ field: "photo" })
const itemFieldsOnly = allowOnlyFields(ALLOWED_WARDROBE_ITEM_FIELDS)
const outfitFieldsOnly = allowOnlyFields(ALLOWED_OUTFIT_FIELDS)

export const storeWardrobeMiddlewares: MiddlewareRoute[] = [
    // Wardrobe: signed-in customers only (an admin's token is not a customer's and gets 401).
    {
      matcher: "/store/wardrobe*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/wardrobe/items",
      methods: ["GET"],
      middlewares: [itemFieldsOnly, validateAndTransformQuery(StoreGetWardrobeItemsParams, listWardrobeItemsConfig)],
    },
    {
      matcher: "/store/wardrobe/items",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_OR_MULTIPART),
        wardrobePhotoUpload,
        validateAndTransformBody(StoreCreateWardrobeItem),
        itemFieldsOnly, validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveWardrobeItemConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/items/:id",
      methods: ["GET", "DELETE"],
      middlewares: [itemFieldsOnly, validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveWardrobeItemConfig)],
    },
    {
      matcher: "/store/wardrobe/items/:id",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_OR_MULTIPART),
        wardrobePhotoUpload,
        validateAndTransformBody(StoreUpdateWardrobeItem),
        itemFieldsOnly, validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveWardrobeItemConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/items/:id/wear",
      methods: ["POST"],
      middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreLogWear)],
    },
    {
      matcher: "/store/wardrobe/outfits",
      methods: ["GET"],
      middlewares: [outfitFieldsOnly, validateAndTransformQuery(StoreGetOutfitsParams, listOutfitsConfig)],
    },
    {
      matcher: "/store/wardrobe/outfits",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_BODY),
        validateAndTransformBody(StoreCreateOutfit),
        outfitFieldsOnly, validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveOutfitConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/outfits/:id",
      methods: ["GET", "DELETE"],
      middlewares: [outfitFieldsOnly, validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveOutfitConfig)],
    },
    {
      matcher: "/store/wardrobe/outfits/:id",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_BODY),
        validateAndTransformBody(StoreUpdateOutfit),
        outfitFieldsOnly, validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveOutfitConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/outfits/:id/wear",
      methods: ["POST"],
      middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreLogWear)],
    },
]
