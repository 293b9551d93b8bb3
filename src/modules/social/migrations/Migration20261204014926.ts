import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204014926 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "social_post" add column if not exists "duplicate_of_post_id" text null, add column if not exists "duplicate_reason" text null, add column if not exists "duplicate_checked_at" timestamptz null;`
    )
    // Posts from before the check are not checked after the fact; their photos are indexed by the reconcile job.
    this.addSql(`update "social_post" set "duplicate_checked_at" = "created_at" where "duplicate_checked_at" is null;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_social_post_duplicate_unchecked" ON "social_post" ("created_at") WHERE deleted_at IS NULL AND duplicate_checked_at IS NULL;`
    )

    this.addSql(`alter table if exists "social_post_image" add column if not exists "visual_indexed_at" timestamptz null;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_social_post_image_visual_unindexed" ON "social_post_image" ("post_id") WHERE visual_indexed_at IS NULL AND file_id IS NOT NULL AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_social_post_duplicate_unchecked";`)
    this.addSql(
      `alter table if exists "social_post" drop column if exists "duplicate_of_post_id", drop column if exists "duplicate_reason", drop column if exists "duplicate_checked_at";`
    )

    this.addSql(`drop index if exists "IDX_social_post_image_visual_unindexed";`)
    this.addSql(`alter table if exists "social_post_image" drop column if exists "visual_indexed_at";`)
  }
}
