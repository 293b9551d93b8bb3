import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireBodyContentType } from "../../utils/image-upload"
import { StoreAddLookToCart, StoreGetLookbookParams, StoreGetLookbooksParams, StoreRecordLookView } from "./validators"

const JSON_BODY = ["application/json"]

// Public routes: Medusa already requires the publishable key on every /store route.
export const storeLookbookMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/lookbooks",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetLookbooksParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  {
    matcher: "/store/lookbooks/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetLookbookParams, { defaults: [], isList: false })],
  },
  {
    matcher: "/store/lookbooks/:id/looks/:look_id/views",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreRecordLookView)],
  },
  {
    matcher: "/store/lookbooks/:id/looks/:look_id/add-to-cart",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreAddLookToCart)],
  },
]
