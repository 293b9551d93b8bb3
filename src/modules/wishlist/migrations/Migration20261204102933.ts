import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204102933 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "saved_item" drop constraint if exists "saved_item_customer_product_unique";`)
    this.addSql(
      `create table if not exists "saved_item" ("id" text not null, "customer_id" text not null, "product_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "saved_item_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_saved_item_deleted_at" ON "saved_item" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_saved_item_customer_product_unique" ON "saved_item" ("customer_id", "product_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_saved_item_customer_created" ON "saved_item" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_item" cascade;`)
  }
}
