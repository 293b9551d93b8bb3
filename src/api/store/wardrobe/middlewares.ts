import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { photoUpload, requireBodyContentType } from "../../utils/image-upload"
import {
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

export const storeWardrobeMiddlewares: MiddlewareRoute[] = [
    // Wardrobe: signed-in customers only (an admin's token is not a customer's and gets 401).
    {
      matcher: "/store/wardrobe*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/wardrobe/items",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreGetWardrobeItemsParams, listWardrobeItemsConfig)],
    },
    {
      matcher: "/store/wardrobe/items",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_OR_MULTIPART),
        wardrobePhotoUpload,
        validateAndTransformBody(StoreCreateWardrobeItem),
        validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveWardrobeItemConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/items/:id",
      methods: ["GET", "DELETE"],
      middlewares: [validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveWardrobeItemConfig)],
    },
    {
      matcher: "/store/wardrobe/items/:id",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_OR_MULTIPART),
        wardrobePhotoUpload,
        validateAndTransformBody(StoreUpdateWardrobeItem),
        validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveWardrobeItemConfig),
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
      middlewares: [validateAndTransformQuery(StoreGetOutfitsParams, listOutfitsConfig)],
    },
    {
      matcher: "/store/wardrobe/outfits",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_BODY),
        validateAndTransformBody(StoreCreateOutfit),
        validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveOutfitConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/outfits/:id",
      methods: ["GET", "DELETE"],
      middlewares: [validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveOutfitConfig)],
    },
    {
      matcher: "/store/wardrobe/outfits/:id",
      methods: ["POST"],
      middlewares: [
        requireBodyContentType(JSON_BODY),
        validateAndTransformBody(StoreUpdateOutfit),
        validateAndTransformQuery(StoreGetWardrobeEntityParams, retrieveOutfitConfig),
      ],
    },
    {
      matcher: "/store/wardrobe/outfits/:id/wear",
      methods: ["POST"],
      middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreLogWear)],
    },
]
