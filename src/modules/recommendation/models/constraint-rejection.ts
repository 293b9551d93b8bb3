import { model } from "@medusajs/framework/utils"

/**
 * What the hard constraints turned away, per UTC day, recommendation surface and reason: one row each,
 * its counters added to by every answer (RecommendationModuleService.recordRejections) and read by the
 * admin's Recommendations page. Counters rather than a row per answer keep this small however busy the shop.
 */
export const ConstraintRejection = model
  .define("recommendation_constraint_rejection", {
    id: model.id({ prefix: "rcrej" }).primaryKey(),
    // The UTC day, "YYYY-MM-DD" (text compares in date order).
    day: model.text(),
    // The answering surface: "for_you", "outfits", "complete_the_look", "dress_me".
    surface: model.text(),
    // A hard constraint ("sold_in_region", "size", "item_budget", "outfit_budget"), or, for emptied answers only,
    // what else emptied one ("category", "feedback", "composition").
    reason: model.text(),
    // Candidates this reason rejected (products; whole outfits for outfit_budget).
    rejected: model.number().default(0),
    // Answers that came back empty (`no_match`) because of this reason.
    emptied: model.number().default(0),
  })
  .indexes([{ name: "IDX_recommendation_constraint_rejection_unique", on: ["day", "surface", "reason"], unique: true }])
