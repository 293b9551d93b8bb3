import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261203175319 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lookbook_look_view" drop constraint if exists "lookbook_look_view_unique";`)
    this.addSql(
      `create table if not exists "lookbook_look_view" ("id" text not null, "look_id" text not null, "viewer_key" text not null, "period_start" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lookbook_look_view_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_look_view_deleted_at" ON "lookbook_look_view" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lookbook_look_view_unique" ON "lookbook_look_view" ("look_id", "viewer_key", "period_start") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lookbook_look_view" cascade;`)
  }
}
