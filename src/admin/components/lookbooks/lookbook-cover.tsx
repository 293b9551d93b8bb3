import { Button, Label, toast } from "@medusajs/ui"
import { useRef } from "react"
import { useUploadLookbookCover } from "../../hooks/lookbooks"
import { AdminLookbook } from "../../lib/types"

export const IMAGE_TYPES = "image/jpeg,image/png,image/webp"

/** The cover image, and a file input to replace it. */
export const LookbookCover = ({ lookbook }: { lookbook: AdminLookbook }) => {
  const file = useRef<HTMLInputElement>(null)
  const upload = useUploadLookbookCover(lookbook.id)

  const send = () => {
    const image = file.current?.files?.[0]
    if (!image) return toast.error("Choose an image first")
    upload.mutate(image, {
      onSuccess: () => {
        if (file.current) file.current.value = ""
        toast.success("Uploaded")
      },
      onError: (error) => toast.error(error.message),
    })
  }

  return (
    <div className="flex items-end gap-x-3">
      {lookbook.cover_image_url && <img src={lookbook.cover_image_url} alt="Cover" className="h-16 rounded object-cover" />}
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor={`lookbook-${lookbook.id}-cover`}>
          Cover image
        </Label>
        <input ref={file} id={`lookbook-${lookbook.id}-cover`} type="file" accept={IMAGE_TYPES} className="text-ui-fg-subtle text-sm" />
      </div>
      <Button size="small" variant="secondary" isLoading={upload.isPending} onClick={send}>
        Upload cover
      </Button>
    </div>
  )
}
