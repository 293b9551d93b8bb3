import { Button, Container, Heading, Textarea, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useCreateLook } from "../../hooks/lookbooks"
import { IMAGE_TYPES } from "./lookbook-cover"

/** Uploads a new look (its photo and optional notes) at the end of the lookbook. */
export const AddLookForm = ({ lookbookId }: { lookbookId: string }) => {
  const file = useRef<HTMLInputElement>(null)
  const [notes, setNotes] = useState("")
  const createLook = useCreateLook(lookbookId)

  const send = () => {
    const image = file.current?.files?.[0]
    if (!image) return toast.error("Choose an image first")
    createLook.mutate(
      { image, notes },
      {
        onSuccess: () => {
          if (file.current) file.current.value = ""
          setNotes("")
          toast.success("Uploaded")
        },
        onError: (error) => toast.error(error.message),
      }
    )
  }

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Add a look</Heading>
      <input ref={file} type="file" accept={IMAGE_TYPES} aria-label="Look photo" className="text-ui-fg-subtle text-sm" />
      <Textarea aria-label="Notes for the new look" placeholder="Notes (optional)" value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="flex justify-end">
        <Button size="small" isLoading={createLook.isPending} onClick={send}>
          Upload look
        </Button>
      </div>
    </Container>
  )
}
