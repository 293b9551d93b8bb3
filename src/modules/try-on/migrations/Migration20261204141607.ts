import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204141607 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "try_on" ("id" text not null, "customer_id" text null, "variant_id" text not null, "size" text null, "photo_file_id" text not null, "result_file_id" text not null, "placement" jsonb not null, "kept" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "try_on_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_try_on_deleted_at" ON "try_on" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_try_on_customer_created" ON "try_on" ("customer_id", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_try_on_kept_created" ON "try_on" ("kept", "created_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "try_on" cascade;`)
  }
}
