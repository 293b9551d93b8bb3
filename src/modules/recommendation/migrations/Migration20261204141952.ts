import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204141952 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "style_profile" drop constraint if exists "style_profile_guest_unique";`)
    this.addSql(`alter table if exists "style_profile" drop constraint if exists "style_profile_customer_unique";`)
    this.addSql(`alter table if exists "interaction" drop constraint if exists "interaction_dedup_key_unique";`)
    this.addSql(
      `create table if not exists "interaction" ("id" text not null, "customer_id" text null, "guest_id" text null, "product_id" text not null, "kind" text check ("kind" in ('view', 'add_to_cart', 'purchase', 'like', 'wardrobe', 'lookbook_view', 'add_look', 'impression', 'click', 'feedback')) not null, "surface" text null, "value" jsonb null, "dedup_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "interaction_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_deleted_at" ON "interaction" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_interaction_customer_created" ON "interaction" ("customer_id", "created_at") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_interaction_guest_created" ON "interaction" ("guest_id", "created_at") WHERE deleted_at IS NULL AND guest_id IS NOT NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_product" ON "interaction" ("product_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_interaction_dedup_key_unique" ON "interaction" ("dedup_key") WHERE dedup_key IS NOT NULL AND deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "style_profile" ("id" text not null, "customer_id" text null, "guest_id" text null, "sizes" jsonb null, "budget" jsonb null, "colours_liked" text[] not null default '{}', "colours_avoided" text[] not null default '{}', "styles" text[] not null default '{}', "brands" text[] not null default '{}', "occasions" text[] not null default '{}', "fit" text check ("fit" in ('slim', 'regular', 'relaxed')) null, "measurements" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "style_profile_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_style_profile_deleted_at" ON "style_profile" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_style_profile_customer_unique" ON "style_profile" ("customer_id") WHERE deleted_at IS NULL AND customer_id IS NOT NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_style_profile_guest_unique" ON "style_profile" ("guest_id") WHERE deleted_at IS NULL AND guest_id IS NOT NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "interaction" cascade;`)

    this.addSql(`drop table if exists "style_profile" cascade;`)
  }
}
