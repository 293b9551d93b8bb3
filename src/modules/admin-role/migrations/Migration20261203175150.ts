import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261203175150 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "admin_role" drop constraint if exists "admin_role_user_unique";`)
    this.addSql(
      `create table if not exists "admin_role" ("id" text not null, "user_id" text not null, "role" text check ("role" in ('admin', 'moderator')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "admin_role_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_role_deleted_at" ON "admin_role" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_admin_role_user_unique" ON "admin_role" ("user_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "admin_role" cascade;`)
  }
}
