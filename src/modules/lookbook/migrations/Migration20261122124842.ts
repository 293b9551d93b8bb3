import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122124842 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lookbook" drop constraint if exists "lookbook_handle_unique";`)
    this.addSql(
      `create table if not exists "lookbook" ("id" text not null, "title" text not null, "handle" text not null, "description" text null, "cover_image_url" text null, "cover_image_file_id" text null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "season" text null, "position" integer not null default 0, "published_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lookbook_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_deleted_at" ON "lookbook" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lookbook_handle_unique" ON "lookbook" ("handle") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_status_position" ON "lookbook" ("status", "position") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "lookbook_look" ("id" text not null, "image_url" text not null, "image_file_id" text null, "width" integer not null, "height" integer not null, "notes" text null, "position" integer not null default 0, "view_count" integer not null default 0, "add_to_cart_count" integer not null default 0, "lookbook_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lookbook_look_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_look_lookbook_id" ON "lookbook_look" ("lookbook_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_look_deleted_at" ON "lookbook_look" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lookbook_look_lookbook_position" ON "lookbook_look" ("lookbook_id", "position") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "lookbook_hotspot" ("id" text not null, "x" real not null, "y" real not null, "product_id" text not null, "variant_id" text not null, "position" integer not null default 0, "look_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lookbook_hotspot_pkey" primary key ("id"), constraint lookbook_hotspot_x_range check (x >= 0 AND x <= 1), constraint lookbook_hotspot_y_range check (y >= 0 AND y <= 1));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_hotspot_look_id" ON "lookbook_hotspot" ("look_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_hotspot_deleted_at" ON "lookbook_hotspot" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_hotspot_product_id" ON "lookbook_hotspot" ("product_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lookbook_hotspot_variant_id" ON "lookbook_hotspot" ("variant_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `alter table if exists "lookbook_look" add constraint "lookbook_look_lookbook_id_foreign" foreign key ("lookbook_id") references "lookbook" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "lookbook_hotspot" add constraint "lookbook_hotspot_look_id_foreign" foreign key ("look_id") references "lookbook_look" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lookbook_look" drop constraint if exists "lookbook_look_lookbook_id_foreign";`)

    this.addSql(`alter table if exists "lookbook_hotspot" drop constraint if exists "lookbook_hotspot_look_id_foreign";`)

    this.addSql(`drop table if exists "lookbook" cascade;`)

    this.addSql(`drop table if exists "lookbook_look" cascade;`)

    this.addSql(`drop table if exists "lookbook_hotspot" cascade;`)
  }
}
