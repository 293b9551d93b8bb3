import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204014957 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "visual_image" drop constraint if exists "visual_image_image_id_unique";`)
    this.addSql(
      `create table if not exists "visual_image" ("id" text not null, "product_id" text not null, "image_id" text not null, "image_url" text not null, "model_version" text null, "status" text check ("status" in ('pending', 'indexed', 'failed')) not null default 'pending', "attempts" integer not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "indexed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "visual_image_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_image_product_id" ON "visual_image" ("product_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_visual_image_image_id_unique" ON "visual_image" ("image_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_image_deleted_at" ON "visual_image" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_visual_image_status_next_attempt" ON "visual_image" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "visual_search" ("id" text not null, "customer_id" text null, "region_id" text null, "kind" text check ("kind" in ('photo', 'similar')) not null, "item_count" integer not null, "garment_found" boolean not null, "result_count" integer not null, "purchasable_count" integer not null, "latency_ms" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "visual_search_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_deleted_at" ON "visual_search" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_created_at" ON "visual_search" ("created_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "visual_search_click" ("id" text not null, "search_id" text not null, "product_id" text not null, "position" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "visual_search_click_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_click_search_id" ON "visual_search_click" ("search_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visual_search_click_deleted_at" ON "visual_search_click" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `alter table if exists "visual_search_click" add constraint "visual_search_click_search_id_foreign" foreign key ("search_id") references "visual_search" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "visual_search_click" drop constraint if exists "visual_search_click_search_id_foreign";`)

    this.addSql(`drop table if exists "visual_image" cascade;`)

    this.addSql(`drop table if exists "visual_search" cascade;`)

    this.addSql(`drop table if exists "visual_search_click" cascade;`)
  }
}
