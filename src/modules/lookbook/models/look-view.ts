import { model } from "@medusajs/framework/utils"

/**
 * One viewer's view of a look in one period (period_start: the start of its fixed window of
 * LOOK_VIEW_PERIOD_MINUTES). The unique index lets a view be counted once per viewer and period
 * however often, or however concurrently, it is reported. viewer_key is "customer:<id>" or
 * "anon:<keyed hash of address and user agent>", never the address itself. Rows of earlier
 * periods decide nothing and are deleted as the look's next views arrive.
 */
export const LookbookLookView = model
  .define("lookbook_look_view", {
    id: model.id({ prefix: "lkbkview" }).primaryKey(),
    look_id: model.text(),
    viewer_key: model.text(),
    period_start: model.dateTime(),
  })
  .indexes([{ name: "IDX_lookbook_look_view_unique", on: ["look_id", "viewer_key", "period_start"], unique: true }])
