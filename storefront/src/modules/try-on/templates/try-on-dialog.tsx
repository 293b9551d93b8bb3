"use client"

import Link from "next/link"
import { startTransition, useActionState, useEffect, useId, useRef, useState, useTransition } from "react"
import { addToCart, type CartActionState } from "@lib/data/cart"
import { keepTryOn, type KeepTryOnState } from "@lib/data/try-on"
import { TRY_ON_UNAVAILABLE, tryOnBody, tryOnRefusal, type StoreTryOnResponse, type TryOn, type TryOnProblem } from "@lib/util/try-on"
import { decodePhoto, photoProblem, unreadablePhoto, type UploadError } from "@lib/util/uploads"
import MiniCart from "@modules/cart/components/mini-cart"
import Price from "@modules/common/components/price"
import SubmitButton from "@modules/common/components/submit-button"
import { sizeRank, stockLabel, type PickerVariant } from "@modules/products/components/variant-picker"
import BeforeAfterSlider from "../components/before-after-slider"
import TryOnPhotoPicker from "../components/try-on-photo-picker"

export type TryOnProduct = {
  id: string
  title: string
  variants: PickerVariant[]
  colourOption?: string
  sizeOption?: string
  regionId: string
  countryCode: string
  currency: string
}

/** The shopper's photo, shown from a local URL while it is in the dialog. */
type ShopperPhoto = { file: File; url: string; width: number; height: number }

type Run =
  | { kind: "idle" }
  | { kind: "running"; variantId: string }
  | { kind: "done"; variantId: string; tryOn: TryOn }
  // A refusal (422) or bad photo (4xx): what happened and what to do. `type` is Medusa's, when it sent one.
  | { kind: "refused"; problem: TryOnProblem; type?: string }
  | { kind: "unavailable" }

const unreachable: TryOnProblem = { title: "The shop could not be reached.", advice: "Check your connection and try again." }

/** What the shopper reads for an answer other than 200. */
async function problemOf(response: Response): Promise<Run> {
  if (response.status === 503) return { kind: "unavailable" }
  const body = (await response.json().catch(() => null)) as UploadError | null
  if (response.status === 429) {
    const wait = Number(response.headers.get("retry-after"))
    return {
      kind: "refused",
      type: body?.type,
      problem: {
        title: "You have made a lot of previews in a short time.",
        advice: wait > 0 ? `Wait ${wait} seconds, then try again.` : "Wait a minute, then try again.",
      },
    }
  }
  const known = tryOnRefusal(body?.type)
  if (known) return { kind: "refused", type: body?.type, problem: known }
  if (response.status >= 500)
    return { kind: "refused", type: body?.type, problem: { title: "The preview could not be made.", advice: "Try again in a moment." } }
  return {
    kind: "refused",
    type: body?.type,
    problem: { title: body?.message || "This photo could not be used.", advice: "Choose a JPEG, PNG or WebP photo of yourself and try again." },
  }
}

/** The size run of one colour, smallest first. */
function sizesOf(product: TryOnProduct, colour: string | undefined): PickerVariant[] {
  const { variants, colourOption, sizeOption } = product
  const forColour = variants.filter((v) => !colourOption || v.options[colourOption] === colour)
  return sizeOption ? forColour.slice().sort((a, b) => sizeRank(a.options[sizeOption]) - sizeRank(b.options[sizeOption])) : forColour
}

/** The size a preview starts with when none is ticked: the middle of the run, in stock where possible. */
function middleSize(sizes: PickerVariant[]): PickerVariant | undefined {
  const inStock = sizes.filter((v) => v.stock === null || v.stock > 0)
  const pool = inStock.length ? inStock : sizes
  return pool[Math.floor((pool.length - 1) / 2)]
}

/**
 * "Try it on": the shopper uploads or takes a photo (with guidance), sees the garment placed on it
 * beside their photo (a before/after slider), switches colour or size to see it again, and adds the
 * previewed variant to the cart. A refused photo says why and what to do. A modal dialog: focus
 * stays in it, and Escape or the close button closes it.
 */
export default function TryOnDialog({
  product,
  initialColour,
  initialVariantId,
  onClose,
}: {
  product: TryOnProduct
  initialColour: string | undefined
  initialVariantId: string | undefined
  onClose: () => void
}) {
  const { colourOption, sizeOption, countryCode } = product
  const headingId = useId()
  const statusId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const colours = colourOption ? [...new Set(product.variants.map((v) => v.options[colourOption]).filter(Boolean))] : []
  const [colour, setColour] = useState<string | undefined>(initialColour ?? colours[0])
  const [variantId, setVariantId] = useState<string | undefined>(() => {
    const sizes = sizesOf(product, initialColour ?? colours[0])
    return sizes.find((v) => v.id === initialVariantId)?.id ?? middleSize(sizes)?.id
  })
  const [photo, setPhoto] = useState<ShopperPhoto | null>(null)
  const [run, setRun] = useState<Run>({ kind: "idle" })
  // Answers shown so far: lets a test (or an assistive tool) tell a new answer from the last one.
  const [answers, setAnswers] = useState(0)
  const [resultLoaded, setResultLoaded] = useState(false)
  // Only the latest request may show its answer: an earlier one can finish after it.
  const latest = useRef(0)
  const [cart, cartAction] = useActionState(addToCart, null)
  const [dismissed, setDismissed] = useState<CartActionState>(null)
  const [kept, setKept] = useState<{ id: string; state: KeepTryOnState } | null>(null)
  const [keeping, startKeeping] = useTransition()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])

  // A local preview URL holds the file in memory until it is revoked.
  const photoUrl = photo?.url
  useEffect(() => () => (photoUrl ? URL.revokeObjectURL(photoUrl) : undefined), [photoUrl])

  const sizes = sizesOf(product, colour)
  const variantOf = (id: string | undefined) => product.variants.find((v) => v.id === id)
  const chosen = sizes.find((v) => v.id === variantId)
  const describe = (v: PickerVariant | undefined) =>
    v ? [colourOption ? v.options[colourOption] : null, sizeOption ? v.options[sizeOption] : null].filter(Boolean).join(", ") : ""

  async function tryOn(target: ShopperPhoto, id: string) {
    const ticket = ++latest.current
    setRun({ kind: "running", variantId: id })
    setResultLoaded(false)
    let next: Run
    try {
      const response = await fetch("/api/try-on", {
        method: "POST",
        body: tryOnBody(target.file, target.file.name || "photo.jpg", { variantId: id, regionId: product.regionId }),
      })
      if (response.ok) {
        const body = (await response.json().catch(() => null)) as StoreTryOnResponse | null
        next = body?.try_on?.image_url
          ? { kind: "done", variantId: id, tryOn: body.try_on }
          : { kind: "refused", problem: { title: "The shop sent an unexpected answer.", advice: "Try again in a moment." } }
      } else next = await problemOf(response)
    } catch {
      next = { kind: "refused", problem: unreachable }
    }
    if (ticket !== latest.current) return
    setRun(next)
    setAnswers((n) => n + 1)
  }

  async function choosePhoto(file: File) {
    const problem = photoProblem(file)
    const decoded = problem ? null : await decodePhoto(file)
    if (!decoded) {
      latest.current++
      setAnswers((n) => n + 1)
      return setRun({ kind: "refused", problem: { title: problem ?? unreadablePhoto(file.name), advice: "Choose another photo." } })
    }
    const next = { file, url: decoded.url, width: decoded.width, height: decoded.height }
    setPhoto(next)
    if (chosen) void tryOn(next, chosen.id)
  }

  function chooseColour(next: string) {
    setColour(next)
    // The same size in the new colour, when it has one.
    const current = variantOf(variantId)
    const sameSize = sizesOf(product, next).find((v) => sizeOption && current && v.options[sizeOption] === current.options[sizeOption])
    const id = (sameSize ?? middleSize(sizesOf(product, next)))?.id
    setVariantId(id)
    if (photo && id) void tryOn(photo, id)
  }

  function chooseSize(id: string) {
    setVariantId(id)
    if (photo) void tryOn(photo, id)
  }

  const running = run.kind === "running"
  const done = run.kind === "done" ? run : null
  const previewed = done ? variantOf(done.variantId) : undefined
  const previewedSoldOut = previewed ? previewed.stock !== null && previewed.stock <= 0 : false
  const warnings = done ? [...new Set([...(done.tryOn.warnings ?? []), ...(done.tryOn.placement?.warnings ?? [])])] : []
  const keptState = done && kept?.id === done.tryOn.id ? kept.state : null

  return (
    <dialog
      ref={dialogRef}
      className="try-on"
      aria-labelledby={headingId}
      data-testid="try-on-dialog"
      data-hydrated="true"
      data-state={run.kind}
      data-answers={answers}
      data-refusal={run.kind === "refused" ? (run.type ?? "") : undefined}
      onClose={onClose}
    >
      <div className="try-on__bar">
        <h2 id={headingId} className="try-on__title">
          Try on: {product.title}
        </h2>
        <button
          type="button"
          className="try-on__close"
          aria-label="Close try-on"
          onClick={() => dialogRef.current?.close()}
          data-testid="try-on-close"
        >
          <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>

      <div className="try-on__body">
        <section className="try-on__stage" aria-label="Your photo and the preview" aria-busy={running}>
          {photo && done ? (
            <BeforeAfterSlider
              key={done.tryOn.id}
              before={photo.url}
              after={done.tryOn.image_url}
              width={done.tryOn.placement?.width || photo.width}
              height={done.tryOn.placement?.height || photo.height}
              afterAlt={`Preview of ${product.title}${describe(previewed) ? ` (${describe(previewed)})` : ""} on your photo`}
              onAfterLoad={() => setResultLoaded(true)}
            />
          ) : photo ? (
            <div
              className="try-on__photo"
              style={{ aspectRatio: `${photo.width} / ${photo.height}`, "--photo-ratio": photo.width / photo.height } as React.CSSProperties}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a local photo (blob: URL) */}
              <img src={photo.url} alt="Your photo" data-testid="try-on-original" />
              {running ? (
                <div className="try-on__busy" aria-hidden="true">
                  <span className="try-on__spinner" />
                </div>
              ) : null}
            </div>
          ) : (
            <div className="try-on__guidance" data-testid="try-on-guidance">
              <h3>For the best preview</h3>
              <ul>
                <li>Face the camera and stand straight, arms a little away from your body.</li>
                <li>Keep your whole torso in the photo: shoulders to hips for tops, down to your knees or feet for dresses, trousers and skirts.</li>
                <li>Use good, even light and a plain background.</li>
                <li>Just you in the photo.</li>
              </ul>
            </div>
          )}
          {done && running ? <p className="muted">Updating the preview…</p> : null}
          <TryOnPhotoPicker onPhoto={(file) => void choosePhoto(file)} disabled={running} hasPhoto={Boolean(photo)} />
        </section>

        <section className="try-on__side" aria-label="Colour, size and result">
          <div id={statusId} role="status" aria-live="polite" data-testid="try-on-status">
            {running ? (
              <p className="try-on__running" data-testid="try-on-running">
                <span className="try-on__spinner try-on__spinner--small" aria-hidden="true" />
                Placing the {describe(variantOf(run.variantId)) || "garment"} on your photo…
              </p>
            ) : null}
            {done ? (
              <p className="try-on__done" data-testid="try-on-done" data-loaded={resultLoaded}>
                Preview: {describe(previewed) || product.title}
                {done.tryOn.size ? ` · size ${done.tryOn.size}` : ""}
              </p>
            ) : null}
          </div>

          {run.kind === "refused" ? (
            <div role="alert" className="form-error" data-testid="try-on-refusal" data-type={run.type ?? ""}>
              <strong>{run.problem.title}</strong>
              <p style={{ margin: ".35rem 0 0" }}>{run.problem.advice}</p>
            </div>
          ) : null}
          {run.kind === "unavailable" ? (
            <div role="alert" className="notice" data-testid="try-on-unavailable">
              <strong>{TRY_ON_UNAVAILABLE.title}</strong>
              <p style={{ margin: ".35rem 0 0" }}>{TRY_ON_UNAVAILABLE.advice}</p>
            </div>
          ) : null}

          {warnings.length ? (
            <ul className="try-on__warnings" data-testid="try-on-warnings" aria-label="About this preview">
              {warnings.map((w) => (
                <li key={w}>{w.charAt(0).toUpperCase() + w.slice(1)}</li>
              ))}
            </ul>
          ) : null}

          {colourOption && colours.length > 1 ? (
            <fieldset className="size-grid" disabled={running}>
              <legend className="try-on__legend">
                Colour: <span style={{ fontWeight: 400 }}>{colour}</span>
              </legend>
              {colours.map((c) => (
                <label key={c} className="size-option" data-testid="try-on-colour">
                  <input type="radio" name="try-on-colour" value={c} checked={c === colour} onChange={() => chooseColour(c)} />
                  <span>{c}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {sizes.length > 1 ? (
            <fieldset className="size-grid" disabled={running}>
              <legend className="try-on__legend">{sizeOption ? "Size" : "Option"}</legend>
              {sizes.map((v) => (
                <label key={v.id} className="size-option" data-testid="try-on-size">
                  <input type="radio" name="try-on-size" value={v.id} checked={variantId === v.id} onChange={() => chooseSize(v.id)} />
                  <span>
                    {sizeOption ? v.options[sizeOption] : Object.values(v.options).join(" / ")}
                    <small>{stockLabel(v.stock)}</small>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {!photo ? <p className="muted">Choose a colour and size, then upload or take a photo to see them on you.</p> : null}

          {done && previewed ? (
            <form
              action={cartAction}
              onSubmit={(event) => {
                // Through a transition, as the product page's picker does: React would otherwise reset the dialog's radios.
                event.preventDefault()
                const data = new FormData(event.currentTarget)
                startTransition(() => cartAction(data))
              }}
              data-testid="try-on-cart"
            >
              <input type="hidden" name="variant_id" value={previewed.id} />
              <input type="hidden" name="country_code" value={countryCode} />
              <input type="hidden" name="quantity" value="1" />
              <p className="try-on__price">
                <Price amount={previewed.amount} original={previewed.original} currency={product.currency} />
              </p>
              {cart?.error ? (
                <p role="alert" className="form-error">
                  {cart.error}
                </p>
              ) : null}
              {cart?.ok ? (
                <p role="status" className="form-ok" data-testid="try-on-added">
                  Added to your cart. <Link href={`/${countryCode}/cart`}>View cart</Link>
                </p>
              ) : null}
              {previewedSoldOut ? (
                <button type="button" className="button button--full" disabled aria-disabled="true" data-testid="try-on-add-to-cart">
                  Out of stock in this size
                </button>
              ) : (
                <SubmitButton className="button button--full" pendingText="Adding…" testId="try-on-add-to-cart" disabled={running}>
                  Add {describe(previewed) || "this"} to cart
                </SubmitButton>
              )}
            </form>
          ) : null}

          {done ? (
            <div className="try-on__keep">
              <button
                type="button"
                className="button button--link"
                disabled={keeping || (keptState !== null && "ok" in keptState)}
                onClick={() => {
                  const id = done.tryOn.id
                  startKeeping(async () => setKept({ id, state: await keepTryOn(id) }))
                }}
                data-testid="try-on-keep"
              >
                {keeping ? "Keeping…" : keptState && "ok" in keptState ? "Kept in your account" : "Keep this preview"}
              </button>
              {keptState && "error" in keptState ? (
                <p className="muted" role="status">
                  {keptState.error} {keptState.signIn ? <Link href={`/${countryCode}/account`}>Sign in</Link> : null}
                </p>
              ) : null}
            </div>
          ) : null}

          <p className="muted try-on__honest">
            A preview, not a photo of you wearing it: the garment is placed on your photo to show its colour, length and roughly how the size sits.
            Fabric and drape will look different in person.
          </p>
        </section>
      </div>
      {cart?.added && dismissed !== cart ? <MiniCart added={cart.added} countryCode={countryCode} onClose={() => setDismissed(cart)} /> : null}
    </dialog>
  )
}
