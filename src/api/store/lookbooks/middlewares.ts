import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../shopper/context"
import { jsonBody } from "../../utils/request-body"
import { allowOnlyFields } from "../../utils/allowed-fields"
import {
  ALLOWED_STORE_LOOKBOOK_FIELDS,
  ALLOWED_STORE_LOOKBOOK_LIST_FIELDS,
  listLookbooksQueryConfig,
  retrieveLookbookQueryConfig,
} from "./query-config"
import { StoreAddLookToCart, StoreGetLookbookParams, StoreGetLookbooksParams, StoreRecordLookView } from "./validators"

// Public routes: Medusa already requires the publishable key on every /store route.
export const storeLookbookMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/lookbooks",
    methods: ["GET"],
    middlewares: [allowOnlyFields(ALLOWED_STORE_LOOKBOOK_LIST_FIELDS), validateAndTransformQuery(StoreGetLookbooksParams, listLookbooksQueryConfig)],
  },
  {
    matcher: "/store/lookbooks/:id",
    methods: ["GET"],
    middlewares: [
      allowOnlyFields(ALLOWED_STORE_LOOKBOOK_FIELDS),
      validateAndTransformQuery(StoreGetLookbookParams, retrieveLookbookQueryConfig),
      shopperContext,
    ],
  },
  {
    matcher: "/store/lookbooks/:id/looks/:look_id/views",
    methods: ["POST"],
    middlewares: jsonBody(StoreRecordLookView),
  },
  {
    matcher: "/store/lookbooks/:id/looks/:look_id/add-to-cart",
    methods: ["POST"],
    middlewares: jsonBody(StoreAddLookToCart),
  },
]
