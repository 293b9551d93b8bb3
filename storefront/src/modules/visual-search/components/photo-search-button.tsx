import IntentLink from "@modules/common/components/intent-link"

/** The camera button in the search bar: opens search by photo (upload, drag and drop, or the phone's camera). */
export default function PhotoSearchButton({ countryCode }: { countryCode: string }) {
  return (
    <IntentLink
      href={`/${countryCode}/search/photo`}
      className="site-header__photo"
      aria-label="Search by photo"
      title="Search by photo"
      data-testid="photo-search-button"
    >
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M4 8h3l1.6-2.4A1.5 1.5 0 0 1 9.8 5h4.4a1.5 1.5 0 0 1 1.2.6L17 8h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1Z" />
        <circle cx="12" cy="13" r="3.5" />
      </svg>
    </IntentLink>
  )
}
