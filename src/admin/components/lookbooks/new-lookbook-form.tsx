import { Button, Container, Heading, Input, Label, Textarea, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useCreateLookbook } from "../../hooks/lookbooks"
import { AdminLookbook } from "../../lib/types"
import { SeasonSelect } from "./season-select"

/** Starts a lookbook as a draft: a title, and optionally a season and a description. */
export const NewLookbookForm = ({ onCreated }: { onCreated: (lookbook: AdminLookbook) => void }) => {
  const [draft, setDraft] = useState({ title: "", season: "", description: "" })
  const create = useCreateLookbook()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(
      { title: draft.title, season: draft.season || undefined, description: draft.description || undefined },
      {
        onSuccess: ({ lookbook }) => {
          toast.success(`Created "${lookbook.title}"`)
          onCreated(lookbook)
        },
        onError: (error) => toast.error(error.message),
      }
    )
  }

  return (
    <Container className="px-6 py-4">
      <Heading level="h2">New lookbook</Heading>
      <form onSubmit={submit} className="mt-4 grid grid-cols-2 gap-4">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="lookbook-title">Title</Label>
          {/* aria-required, not required: an empty title is not an error before the merchant has typed (the button waits for one). */}
          <Input
            id="lookbook-title"
            aria-required
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            placeholder="Autumn Layers"
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="lookbook-season">Season</Label>
          <SeasonSelect id="lookbook-season" value={draft.season} onChange={(season) => setDraft({ ...draft, season })} />
        </div>
        <div className="col-span-2 flex flex-col gap-y-1">
          <Label htmlFor="lookbook-description">Description</Label>
          <Textarea id="lookbook-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </div>
        <div className="col-span-2 flex justify-end">
          <Button type="submit" isLoading={create.isPending} disabled={!draft.title.trim()}>
            Create draft
          </Button>
        </div>
      </form>
    </Container>
  )
}
