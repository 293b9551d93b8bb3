/**
 * Events Curator's lookbook workflows emit (after the workflow succeeds, as Medusa's own do), with
 * `{ id }` of the lookbook. A change to a look or its hotspots is an update of its lookbook.
 */
export const LookbookWorkflowEvents = {
  CREATED: "lookbook.created",
  UPDATED: "lookbook.updated",
  DELETED: "lookbook.deleted",
} as const
