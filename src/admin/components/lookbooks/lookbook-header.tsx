import { Button, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useDeleteLookbook, useUpdateLookbook } from "../../hooks/lookbooks"
import { percent } from "../../lib/format"
import { AdminLookbook } from "../../lib/types"

/** The lookbook's title and status, publish and delete, and its looks' numbers added up. */
export const LookbookHeader = ({ lookbook }: { lookbook: AdminLookbook }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const update = useUpdateLookbook(lookbook.id)
  const deleteLookbook = useDeleteLookbook(lookbook.id)
  const published = lookbook.status === "published"
  const totals = lookbook.looks.reduce((t, l) => ({ views: t.views + l.views, added: t.added + l.add_to_cart_count }), { views: 0, added: 0 })
  const onError = (error: Error) => toast.error(error.message)

  const togglePublished = () =>
    update.mutate({ status: published ? "draft" : "published" }, { onSuccess: () => toast.success(published ? "Unpublished" : "Published"), onError })

  const remove = async () => {
    if (!(await prompt({ title: `Delete "${lookbook.title}"?`, description: "Its looks, hotspots and images are deleted too." }))) return
    deleteLookbook.mutate(undefined, { onSuccess: () => navigate("/lookbooks"), onError })
  }

  return (
    <>
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-x-2">
          <Heading level="h1">{lookbook.title}</Heading>
          <StatusBadge color={published ? "green" : "grey"}>{lookbook.status}</StatusBadge>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant={published ? "secondary" : "primary"} isLoading={update.isPending} onClick={togglePublished}>
            {published ? "Unpublish" : "Publish"}
          </Button>
          <Button size="small" variant="danger" isLoading={deleteLookbook.isPending} onClick={remove}>
            Delete
          </Button>
        </div>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {totals.views} views · {totals.added} added to cart · {percent(totals.views ? totals.added / totals.views : 0)} add-to-cart rate
      </Text>
    </>
  )
}
