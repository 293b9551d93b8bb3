import { XMark } from "@medusajs/icons"
import { Badge, IconButton, Text } from "@medusajs/ui"
import { AdminLookbookHotspot } from "../../lib/types"

/** What each hotspot sells, flagging deleted and unpublished products, with a remove button. */
export const LookHotspotList = ({ hotspots, onRemove }: { hotspots: AdminLookbookHotspot[]; onRemove: (hotspot: AdminLookbookHotspot) => void }) => (
  <div className="flex flex-col gap-y-1">
    {hotspots.map((h) => (
      <div key={h.id} className="flex items-center justify-between gap-x-2">
        <Text size="small">
          {h.product?.title ?? <span className="text-ui-fg-error">deleted product</span>}
          {h.variant ? ` — ${h.variant.title ?? h.variant.sku}` : " — variant deleted"}
          {h.product && h.product.status !== "published" && (
            <Badge size="2xsmall" className="ml-1">
              {h.product.status}
            </Badge>
          )}
        </Text>
        <IconButton size="small" variant="transparent" aria-label="Remove hotspot" onClick={() => onRemove(h)}>
          <XMark />
        </IconButton>
      </div>
    ))}
  </div>
)
