import { Container, Text, toast } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { AddLookForm } from "../../../components/lookbooks/add-look-form"
import { LookCard } from "../../../components/lookbooks/look-card"
import { LookbookCover } from "../../../components/lookbooks/lookbook-cover"
import { LookbookDetailsForm } from "../../../components/lookbooks/lookbook-details-form"
import { LookbookHeader } from "../../../components/lookbooks/lookbook-header"
import { useLookbook, useReorderLooks } from "../../../hooks/lookbooks"

/** The lookbook editor: details, publishing, cover, looks with hotspots, and their numbers. */
const LookbookEditorPage = () => {
  const id = useParams().id!
  const { data: lookbook, error } = useLookbook(id)
  const reorder = useReorderLooks(id)

  if (!lookbook) {
    return <Container className="px-6 py-4">{error ? <Text className="text-ui-fg-error">{error.message}</Text> : <Text>Loading…</Text>}</Container>
  }

  const move = (index: number, direction: -1 | 1) => {
    const ids = lookbook.looks.map((l) => l.id)
    const [moved] = ids.splice(index, 1)
    ids.splice(index + direction, 0, moved)
    reorder.mutate(ids, { onError: (e) => toast.error(e.message) })
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <LookbookHeader lookbook={lookbook} />
        <LookbookDetailsForm lookbook={lookbook}>
          <LookbookCover lookbook={lookbook} />
        </LookbookDetailsForm>
      </Container>

      {lookbook.looks.map((look, index) => (
        <LookCard
          key={look.id}
          lookbookId={lookbook.id}
          look={look}
          isFirst={index === 0}
          isLast={index === lookbook.looks.length - 1}
          moving={reorder.isPending}
          onMove={(direction) => move(index, direction)}
        />
      ))}

      <AddLookForm lookbookId={lookbook.id} />
    </div>
  )
}

export default LookbookEditorPage
