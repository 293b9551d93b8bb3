import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122112338 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "wardrobe_outfit_item" drop constraint if exists "wardrobe_outfit_item_unique";`)
    this.addSql(`alter table if exists "wardrobe_item" drop constraint if exists "wardrobe_item_order_variant_unique";`)
    this.addSql(
      `create table if not exists "wardrobe_item" ("id" text not null, "customer_id" text not null, "name" text not null, "category" text null, "colours" text[] not null default '{}', "brand" text null, "size" text null, "price_paid" numeric null, "currency_code" text null, "material" text null, "season" text check ("season" in ('spring-summer', 'autumn-winter', 'all-season')) null, "notes" text null, "photo_url" text null, "photo_file_id" text null, "acquired_on" timestamptz null, "source" text check ("source" in ('manual', 'order')) not null default 'manual', "product_id" text null, "variant_id" text null, "order_id" text null, "line_item_id" text null, "raw_price_paid" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_item_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_item_deleted_at" ON "wardrobe_item" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_item_customer_id" ON "wardrobe_item" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_item_customer_category" ON "wardrobe_item" ("customer_id", "category") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_item_colours" ON "wardrobe_item" USING GIN ("colours") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wardrobe_item_order_variant_unique" ON "wardrobe_item" ("order_id", "variant_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "wardrobe_outfit" ("id" text not null, "customer_id" text not null, "name" text not null, "occasion" text null, "season" text check ("season" in ('spring-summer', 'autumn-winter', 'all-season')) null, "notes" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_outfit_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_deleted_at" ON "wardrobe_outfit" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_customer_id" ON "wardrobe_outfit" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "wardrobe_outfit_item" ("id" text not null, "position" integer not null default 0, "outfit_id" text not null, "item_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_outfit_item_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_item_outfit_id" ON "wardrobe_outfit_item" ("outfit_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_item_item_id" ON "wardrobe_outfit_item" ("item_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_item_deleted_at" ON "wardrobe_outfit_item" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_item_unique" ON "wardrobe_outfit_item" ("outfit_id", "item_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "wardrobe_outfit_product" ("id" text not null, "product_id" text not null, "variant_id" text null, "position" integer not null default 0, "outfit_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_outfit_product_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_product_outfit_id" ON "wardrobe_outfit_product" ("outfit_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_product_deleted_at" ON "wardrobe_outfit_product" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_outfit_product_product_id" ON "wardrobe_outfit_product" ("product_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "wardrobe_wear_log" ("id" text not null, "customer_id" text not null, "worn_on" timestamptz not null, "item_id" text null, "outfit_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wardrobe_wear_log_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_log_item_id" ON "wardrobe_wear_log" ("item_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_log_outfit_id" ON "wardrobe_wear_log" ("outfit_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_log_deleted_at" ON "wardrobe_wear_log" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_log_customer_worn_on" ON "wardrobe_wear_log" ("customer_id", "worn_on") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_log_item_worn_on" ON "wardrobe_wear_log" ("item_id", "worn_on") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wardrobe_wear_log_outfit_worn_on" ON "wardrobe_wear_log" ("outfit_id", "worn_on") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "wardrobe_outfit_item" add constraint "wardrobe_outfit_item_outfit_id_foreign" foreign key ("outfit_id") references "wardrobe_outfit" ("id") on update cascade on delete cascade;`
    )
    this.addSql(
      `alter table if exists "wardrobe_outfit_item" add constraint "wardrobe_outfit_item_item_id_foreign" foreign key ("item_id") references "wardrobe_item" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "wardrobe_outfit_product" add constraint "wardrobe_outfit_product_outfit_id_foreign" foreign key ("outfit_id") references "wardrobe_outfit" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "wardrobe_wear_log" add constraint "wardrobe_wear_log_item_id_foreign" foreign key ("item_id") references "wardrobe_item" ("id") on update cascade on delete cascade;`
    )
    this.addSql(
      `alter table if exists "wardrobe_wear_log" add constraint "wardrobe_wear_log_outfit_id_foreign" foreign key ("outfit_id") references "wardrobe_outfit" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "wardrobe_outfit_item" drop constraint if exists "wardrobe_outfit_item_item_id_foreign";`)

    this.addSql(`alter table if exists "wardrobe_wear_log" drop constraint if exists "wardrobe_wear_log_item_id_foreign";`)

    this.addSql(`alter table if exists "wardrobe_outfit_item" drop constraint if exists "wardrobe_outfit_item_outfit_id_foreign";`)

    this.addSql(`alter table if exists "wardrobe_outfit_product" drop constraint if exists "wardrobe_outfit_product_outfit_id_foreign";`)

    this.addSql(`alter table if exists "wardrobe_wear_log" drop constraint if exists "wardrobe_wear_log_outfit_id_foreign";`)

    this.addSql(`drop table if exists "wardrobe_item" cascade;`)

    this.addSql(`drop table if exists "wardrobe_outfit" cascade;`)

    this.addSql(`drop table if exists "wardrobe_outfit_item" cascade;`)

    this.addSql(`drop table if exists "wardrobe_outfit_product" cascade;`)

    this.addSql(`drop table if exists "wardrobe_wear_log" cascade;`)
  }
}
