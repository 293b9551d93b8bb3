/** Why a shopper may report a post: the backend's reasons, in words. */
export const REPORT_REASONS = [
  { value: "spam", label: "Spam or advertising" },
  { value: "inappropriate", label: "Inappropriate content" },
  { value: "counterfeit", label: "Counterfeit goods" },
  { value: "harassment", label: "Harassment or bullying" },
  { value: "other", label: "Something else" },
] as const
