import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261203175007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_post" add column if not exists "open_report_score" real not null default 0;`)

    this.addSql(
      `alter table if exists "social_report" add column if not exists "outcome" text check ("outcome" in ('upheld', 'rejected')) null, add column if not exists "weight" real not null default 1, add column if not exists "reporter_standing" jsonb null;`
    )
    // Reports made before weighing count fully (weight 1), as they did: the score starts at the open count.
    this.addSql(`update "social_post" set "open_report_score" = "open_report_count" where "open_report_count" > 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "social_post" drop column if exists "open_report_score";`)

    this.addSql(
      `alter table if exists "social_report" drop column if exists "outcome", drop column if exists "weight", drop column if exists "reporter_standing";`
    )
  }
}
