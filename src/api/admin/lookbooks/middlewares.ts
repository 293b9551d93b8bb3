import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { photoUpload } from "../../utils/image-upload"
import { jsonBody, requireBodyContentType } from "../../utils/request-body"
import {
  AdminCreateLook,
  AdminCreateLookbook,
  AdminEmptyParams,
  AdminGetLookbooksParams,
  AdminReorderLooks,
  AdminReplaceHotspots,
  AdminUpdateLook,
  AdminUpdateLookbook,
} from "./validators"

const MULTIPART = ["multipart/form-data"]
const JSON_OR_MULTIPART = ["application/json", "multipart/form-data"]
const lookImageUpload = photoUpload({ field: "image" })

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * `/looks/reorder` also fits the `/looks/:look_id` pattern; the look route's body checks must
 * not run on a reorder request (which has its own).
 */
const exceptReorder =
  (middleware: Middleware): Middleware =>
  (req, res, next) =>
    req.params?.look_id === "reorder" ? next() : middleware(req, res, next)

// Medusa guards every /admin route with an admin user's session, bearer token or secret API key.
export const adminLookbookMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/lookbooks",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetLookbooksParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  {
    matcher: "/admin/lookbooks",
    methods: ["POST"],
    middlewares: jsonBody(AdminCreateLookbook),
  },
  {
    matcher: "/admin/lookbooks/:id",
    methods: ["POST"],
    middlewares: jsonBody(AdminUpdateLookbook),
  },
  {
    matcher: "/admin/lookbooks/:id/cover",
    methods: ["POST"],
    middlewares: [requireBodyContentType(MULTIPART), lookImageUpload],
  },
  {
    matcher: "/admin/lookbooks/:id/looks",
    methods: ["POST"],
    middlewares: [requireBodyContentType(MULTIPART), lookImageUpload, validateAndTransformBody(AdminCreateLook)],
  },
  {
    matcher: "/admin/lookbooks/:id/looks/reorder",
    methods: ["POST"],
    middlewares: jsonBody(AdminReorderLooks),
  },
  {
    matcher: "/admin/lookbooks/:id/looks/:look_id",
    methods: ["POST"],
    middlewares: [
      exceptReorder(requireBodyContentType(JSON_OR_MULTIPART)),
      exceptReorder(lookImageUpload),
      exceptReorder(validateAndTransformBody(AdminUpdateLook) as Middleware),
    ],
  },
  {
    matcher: "/admin/lookbooks/:id/looks/:look_id/hotspots",
    methods: ["POST"],
    middlewares: jsonBody(AdminReplaceHotspots),
  },
  {
    matcher: "/admin/lookbooks/:id/analytics",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEmptyParams, { defaults: [], isList: false })],
  },
]
