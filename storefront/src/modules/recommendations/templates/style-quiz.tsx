"use client"

import { useActionState, useEffect, useRef, useState } from "react"
import type { QuizLook } from "@curator/types/recommendations"
import type { StoreStyleProfile } from "@curator/types/style-profile"
import { saveStyleQuiz } from "@lib/data/recommendations"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"
import SubmitButton from "@modules/common/components/submit-button"

const CLOTHING_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
const SHOE_SIZES = Array.from({ length: 14 }, (_, i) => String(35 + i))
const COLOURS = [
  "black",
  "white",
  "navy",
  "sky blue",
  "camel",
  "chocolate",
  "olive",
  "sage",
  "burgundy",
  "red",
  "blush",
  "mustard",
  "grey marl",
  "ecru",
  "lilac",
  "rust",
]
const OCCASIONS = ["everyday", "work", "evening", "weekend", "active", "wedding guest"]
const STYLES = ["classic", "minimal", "casual", "smart", "sporty", "romantic", "edgy", "relaxed"]

const STEP_TITLES = {
  looks: "Looks you like",
  sizes: "Your sizes",
  budget: "Your budget",
  colours: "Colours",
  occasions: "Occasions and styles",
} as const
type Step = keyof typeof STEP_TITLES

function SizeSelect({ name, label, sizes, value }: { name: string; label: string; sizes: string[]; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={`quiz-size-${name}`}>{label}</label>
      <select id={`quiz-size-${name}`} name={`size_${name}`} defaultValue={value ?? ""} data-testid={`quiz-size-${name}`}>
        <option value="">Not needed</option>
        {sizes.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  )
}

function Choices({ name, legend, options, chosen, testId }: { name: string; legend: string; options: string[]; chosen: string[]; testId: string }) {
  return (
    <fieldset className="quiz-choices" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="facet-option">
          <input type="checkbox" name={name} value={option} defaultChecked={chosen.includes(option)} /> {option[0].toUpperCase() + option.slice(1)}
        </label>
      ))}
    </fieldset>
  )
}

/**
 * "Looks you like": photos of our own products as checkboxes styled as cards (Tab and Space pick
 * them, as any checkbox). The picks become likes, and colours, styles, occasions and brands the
 * shopper leaves empty are taken from them.
 */
function LookChoices({ looks }: { looks: QuizLook[] }) {
  const [picked, setPicked] = useState(() => looks.filter((l) => l.picked).length)
  return (
    <fieldset
      className="quiz-looks"
      data-testid="quiz-looks"
      onChange={(event) => {
        setPicked(event.currentTarget.querySelectorAll("input[name=liked_product_ids]:checked").length)
      }}
    >
      <legend>Pick the looks you like</legend>
      <p className="muted" aria-live="polite" data-testid="quiz-looks-count">
        {picked ? `${picked} picked` : "Pick as many as you like, or none."}
      </p>
      <div className="quiz-looks__grid">
        {looks.map((look) => (
          <label key={look.id} className="quiz-look" data-testid="quiz-look">
            <input
              type="checkbox"
              name="liked_product_ids"
              value={look.id}
              defaultChecked={look.picked}
              className="quiz-look__input"
              data-testid="quiz-look-input"
            />
            <span className="quiz-look__photo media-box">
              {look.thumbnail ? (
                // eslint-disable-next-line @next/next/no-img-element -- Medusa serves sized JPEGs; fixed box
                <img src={look.thumbnail} alt="" width={150} height={200} loading="lazy" />
              ) : null}
            </span>
            <span className="quiz-look__title">{look.title}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * The style quiz: a few short steps in one form (the hidden steps' answers are sent too), saved
 * to the shopper's style profile, guest or signed in. Opened again, it shows the saved answers.
 */
export default function StyleQuiz({
  countryCode,
  currency,
  profile,
  looks,
}: {
  countryCode: string
  currency: string
  profile: StoreStyleProfile | null
  /** The looks to pick from; the step is left out when there are none (the catalog could not be read). */
  looks: QuizLook[]
}) {
  const [state, action] = useActionState(saveStyleQuiz, null)
  const [step, setStep] = useState(0)
  const hydrated = useHydrated()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)
  useEffect(() => {
    // After Next or Back, keyboard and screen reader users land on the new step's heading.
    if (moved.current) headingRef.current?.focus()
    moved.current = true
  }, [step])
  const steps: Step[] = looks.length ? ["looks", "sizes", "budget", "colours", "occasions"] : ["sizes", "budget", "colours", "occasions"]
  const current = steps[step]
  const last = steps.length - 1
  // A budget kept in another currency does not apply here: the fields start empty.
  const budget = profile?.budget && (!profile.budget.currency_code || profile.budget.currency_code === currency) ? profile.budget : null
  const currencyLabel = currency.toUpperCase()

  return (
    <form
      action={action}
      className="style-quiz"
      data-testid="style-quiz"
      data-hydrated={hydrated}
      onKeyDown={(event) => {
        // Enter in a field moves on rather than saving half the answers.
        if (event.key === "Enter" && step < last && (event.target as HTMLElement).tagName === "INPUT") {
          event.preventDefault()
          setStep(step + 1)
        }
      }}
    >
      <input type="hidden" name="country_code" value={countryCode} />
      <input type="hidden" name="currency_code" value={currency} />
      {/* Sent only with the looks step, so that picking none clears earlier picks but a quiz without looks keeps them. */}
      {looks.length ? <input type="hidden" name="looks_offered" value="1" /> : null}
      <p className="muted" aria-live="polite">
        Step {step + 1} of {steps.length}
      </p>
      <h2 ref={headingRef} tabIndex={-1} data-testid="quiz-step-heading">
        {STEP_TITLES[current]}
      </h2>

      {looks.length ? (
        <div hidden={current !== "looks"} data-testid="quiz-step-looks">
          <p className="muted">From our own collection. We will suggest more like the ones you pick.</p>
          <LookChoices looks={looks} />
        </div>
      ) : null}

      <div hidden={current !== "sizes"} data-testid="quiz-step-sizes">
        <p className="muted">We only recommend what is in stock in your size.</p>
        <div className="form-grid">
          <SizeSelect name="tops" label="Tops, shirts, knitwear and dresses" sizes={CLOTHING_SIZES} value={profile?.sizes.tops} />
          <SizeSelect name="trousers" label="Trousers, jeans and skirts" sizes={CLOTHING_SIZES} value={profile?.sizes.trousers} />
          <SizeSelect name="shoes" label="Shoes (EU)" sizes={SHOE_SIZES} value={profile?.sizes.shoes} />
        </div>
      </div>

      <div hidden={current !== "budget"} data-testid="quiz-step-budget">
        <p className="muted">Leave a field empty for no limit. Amounts are in {currencyLabel}.</p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="quiz-max-item">Most per item ({currencyLabel})</label>
            <input id="quiz-max-item" name="max_item" type="number" min={1} step="any" inputMode="decimal" defaultValue={budget?.max_item ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="quiz-max-outfit">Most per outfit ({currencyLabel})</label>
            <input
              id="quiz-max-outfit"
              name="max_outfit"
              type="number"
              min={1}
              step="any"
              inputMode="decimal"
              defaultValue={budget?.max_outfit ?? ""}
            />
          </div>
        </div>
      </div>

      <div hidden={current !== "colours"} data-testid="quiz-step-colours">
        <Choices name="colours_liked" legend="Colours you love" options={COLOURS} chosen={profile?.colours_liked ?? []} testId="quiz-colours-liked" />
        <Choices
          name="colours_avoided"
          legend="Colours you avoid"
          options={COLOURS}
          chosen={profile?.colours_avoided ?? []}
          testId="quiz-colours-avoided"
        />
      </div>

      <div hidden={current !== "occasions"} data-testid="quiz-step-occasions">
        <Choices name="occasions" legend="What you dress for" options={OCCASIONS} chosen={profile?.occasions ?? []} testId="quiz-occasions" />
        <Choices name="styles" legend="Styles you like" options={STYLES} chosen={profile?.styles ?? []} testId="quiz-styles" />
      </div>

      <FormError error={state?.error} />
      <div className="style-quiz__nav">
        {step > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)} data-testid="quiz-back">
            Back
          </button>
        ) : null}
        {step < last ? (
          <button type="button" className="button" onClick={() => setStep(step + 1)} data-testid="quiz-next">
            Next
          </button>
        ) : null}
        {/* Saving is possible from any step: the later ones are optional. */}
        <SubmitButton className={step === last ? "button" : "button button--secondary"} pendingText="Saving…" testId="quiz-save">
          Save my style
        </SubmitButton>
      </div>
    </form>
  )
}
