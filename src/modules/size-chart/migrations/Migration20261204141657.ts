import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204141657 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "size_chart" drop constraint if exists "size_chart_category_unique";`)
    this.addSql(`alter table if exists "size_chart" drop constraint if exists "size_chart_category_brand_unique";`)
    this.addSql(
      `create table if not exists "size_chart" ("id" text not null, "name" text not null, "category_id" text not null, "brand" text null, "sizes" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "size_chart_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_size_chart_deleted_at" ON "size_chart" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_size_chart_category_brand_unique" ON "size_chart" ("category_id", "brand") WHERE deleted_at IS NULL AND brand IS NOT NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_size_chart_category_unique" ON "size_chart" ("category_id") WHERE deleted_at IS NULL AND brand IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "size_chart" cascade;`)
  }
}
