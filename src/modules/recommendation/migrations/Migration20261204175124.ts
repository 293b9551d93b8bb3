import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204175124 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "recommendation_constraint_rejection" drop constraint if exists "recommendation_constraint_rejection_unique";`)
    this.addSql(
      `create table if not exists "recommendation_constraint_rejection" ("id" text not null, "day" text not null, "surface" text not null, "reason" text not null, "rejected" integer not null default 0, "emptied" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_constraint_rejection_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_recommendation_constraint_rejection_deleted_at" ON "recommendation_constraint_rejection" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_constraint_rejection_unique" ON "recommendation_constraint_rejection" ("day", "surface", "reason") WHERE deleted_at IS NULL;`
    )

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_interaction_kind_created" ON "interaction" ("kind", "created_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recommendation_constraint_rejection" cascade;`)

    this.addSql(`drop index if exists "IDX_interaction_kind_created";`)
  }
}
