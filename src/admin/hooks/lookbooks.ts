import { HttpTypes } from "@medusajs/framework/types"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { MULTIPART, sdk } from "../lib/sdk"
import {
  AdminCreateLookbookBody,
  AdminHotspotInput,
  AdminLookbookListParams,
  AdminLookbookListResponse,
  AdminLookbookResponse,
  AdminLookbookLookResponse,
  AdminProductLookbooksResponse,
  AdminUpdateLookbookBody,
} from "../lib/types"

/**
 * The lookbook Admin API as queries and mutations. Every write refreshes what could show it:
 * the editor, the list and the product pages' widget all sit under lookbookKeys.all.
 */
export const lookbookKeys = {
  all: ["curator-lookbooks"] as const,
  lists: () => [...lookbookKeys.all, "list"] as const,
  list: (params: AdminLookbookListParams) => [...lookbookKeys.lists(), params] as const,
  detail: (id: string) => [...lookbookKeys.all, "detail", id] as const,
  forProduct: (productId: string) => [...lookbookKeys.all, "product", productId] as const,
}

const path = (lookbookId: string, rest = "") => `/admin/lookbooks/${lookbookId}${rest}`

export const useLookbooks = (params: AdminLookbookListParams) =>
  useQuery({
    queryKey: lookbookKeys.list(params),
    queryFn: () => sdk.client.fetch<AdminLookbookListResponse>("/admin/lookbooks", { query: params }),
    placeholderData: keepPreviousData,
  })

export const useLookbook = (id: string) =>
  useQuery({
    queryKey: lookbookKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminLookbookResponse>(path(id)),
    select: (data) => data.lookbook,
  })

/** The lookbooks (drafts too) whose looks feature a product. */
export const useProductLookbooks = (productId: string) =>
  useQuery({
    queryKey: lookbookKeys.forProduct(productId),
    queryFn: () => sdk.client.fetch<AdminProductLookbooksResponse>(`/admin/products/${productId}/lookbooks`),
    select: (data) => data.lookbooks,
  })

/** Products for a hotspot, with the variants to choose from (Medusa's own product search). */
export const useProductSearch = (q: string) =>
  useQuery({
    queryKey: ["curator-hotspot-products", q],
    queryFn: () =>
      sdk.admin.product.list({
        q,
        limit: 8,
        fields:
          "id,title,thumbnail,options.id,options.title,variants.id,variants.title,variants.sku,variants.options.value,variants.options.option_id",
      }),
    select: (data: HttpTypes.AdminProductListResponse) => data.products,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  })

/**
 * Mutations wait for the refetch they cause, so `isPending` lasts until the page shows the
 * result (the editor's order buttons stay disabled until the new order is on screen).
 */
const useLookbookMutation = <TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) => {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: lookbookKeys.all }) })
}

export const useCreateLookbook = () =>
  useLookbookMutation((body: AdminCreateLookbookBody) => sdk.client.fetch<AdminLookbookResponse>("/admin/lookbooks", { method: "POST", body }))

export const useUpdateLookbook = (id: string) =>
  useLookbookMutation((body: AdminUpdateLookbookBody) => sdk.client.fetch<AdminLookbookResponse>(path(id), { method: "POST", body }))

/** Deleting leaves the editor's own query alone (a refetch would answer 404 before the page leaves). */
export const useDeleteLookbook = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<HttpTypes.DeleteResponse<"lookbook">>(path(id), { method: "DELETE" }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: lookbookKeys.all,
        predicate: ({ queryKey }) => !(queryKey[1] === "detail" && queryKey[2] === id),
      }),
  })
}

/** The image goes as the multipart field "image", with any other fields beside it. */
const imageForm = (image: File, fields: Record<string, string> = {}) => {
  const form = new FormData()
  form.append("image", image)
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value)
  return form
}

export const useUploadLookbookCover = (id: string) =>
  useLookbookMutation((image: File) =>
    sdk.client.fetch<AdminLookbookResponse>(path(id, "/cover"), { method: "POST", headers: MULTIPART, body: imageForm(image) })
  )

export const useCreateLook = (lookbookId: string) =>
  useLookbookMutation(({ image, notes }: { image: File; notes: string }) =>
    sdk.client.fetch<AdminLookbookLookResponse>(path(lookbookId, "/looks"), { method: "POST", headers: MULTIPART, body: imageForm(image, { notes }) })
  )

export const useUpdateLook = (lookbookId: string, lookId: string) =>
  useLookbookMutation((body: { notes: string }) =>
    sdk.client.fetch<AdminLookbookLookResponse>(path(lookbookId, `/looks/${lookId}`), { method: "POST", body })
  )

export const useDeleteLook = (lookbookId: string, lookId: string) =>
  useLookbookMutation(() => sdk.client.fetch<HttpTypes.DeleteResponse<"lookbook_look">>(path(lookbookId, `/looks/${lookId}`), { method: "DELETE" }))

/** Replaces the look's hotspots with the given set (an empty set removes them all). */
export const useSetLookHotspots = (lookbookId: string, lookId: string) =>
  useLookbookMutation((hotspots: AdminHotspotInput[]) =>
    sdk.client.fetch<AdminLookbookLookResponse>(path(lookbookId, `/looks/${lookId}/hotspots`), {
      method: "POST",
      body: { hotspots: hotspots.map(({ x, y, product_id, variant_id }) => ({ x, y, product_id, variant_id })) },
    })
  )

/** Puts the looks in the order of `lookIds` (every look of the lookbook, once). */
export const useReorderLooks = (lookbookId: string) =>
  useLookbookMutation((lookIds: string[]) =>
    sdk.client.fetch<AdminLookbookResponse>(path(lookbookId, "/looks/reorder"), { method: "POST", body: { look_ids: lookIds } })
  )
