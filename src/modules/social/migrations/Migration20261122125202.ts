import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261122125202 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_report" drop constraint if exists "social_report_post_customer_unique";`)
    this.addSql(`alter table if exists "social_like" drop constraint if exists "social_like_post_customer_unique";`)
    this.addSql(`alter table if exists "social_follow" drop constraint if exists "social_follow_pair_unique";`)
    this.addSql(
      `create table if not exists "social_follow" ("id" text not null, "follower_id" text not null, "followed_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_follow_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_follow_deleted_at" ON "social_follow" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_follow_pair_unique" ON "social_follow" ("follower_id", "followed_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_follow_followed" ON "social_follow" ("followed_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "social_post" ("id" text not null, "customer_id" text not null, "caption" text null, "visibility" text check ("visibility" in ('public', 'followers', 'private')) not null default 'public', "status" text check ("status" in ('published', 'pending', 'hidden', 'removed')) not null default 'published', "like_count" integer not null default 0, "comment_count" integer not null default 0, "report_count" integer not null default 0, "open_report_count" integer not null default 0, "moderated_by" text null, "moderated_at" timestamptz null, "moderation_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_deleted_at" ON "social_post" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_social_post_customer_created" ON "social_post" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_status_created" ON "social_post" ("status", "created_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "social_like" ("id" text not null, "customer_id" text not null, "post_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_like_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_like_post_id" ON "social_like" ("post_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_like_deleted_at" ON "social_like" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_like_post_customer_unique" ON "social_like" ("post_id", "customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_like_customer" ON "social_like" ("customer_id", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_like_post_created" ON "social_like" ("post_id", "created_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "social_comment" ("id" text not null, "customer_id" text not null, "body" text not null, "parent_id" text null, "post_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_comment_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_comment_post_id" ON "social_comment" ("post_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_comment_deleted_at" ON "social_comment" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_social_comment_post_created" ON "social_comment" ("post_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_comment_parent" ON "social_comment" ("parent_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "social_post_image" ("id" text not null, "url" text not null, "file_id" text null, "width" integer null, "height" integer null, "position" integer not null default 0, "post_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_image_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_image_post_id" ON "social_post_image" ("post_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_image_deleted_at" ON "social_post_image" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_image_post" ON "social_post_image" ("post_id", "position") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "social_post_tag" ("id" text not null, "product_id" text not null, "variant_id" text null, "x" real null, "y" real null, "photo_index" integer not null default 0, "post_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_tag_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_post_id" ON "social_post_tag" ("post_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_deleted_at" ON "social_post_tag" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_post" ON "social_post_tag" ("post_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_tag_product" ON "social_post_tag" ("product_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "social_report" ("id" text not null, "customer_id" text not null, "reason" text check ("reason" in ('spam', 'inappropriate', 'counterfeit', 'harassment', 'other')) not null, "note" text null, "resolved_at" timestamptz null, "resolved_by" text null, "post_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_report_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_report_post_id" ON "social_report" ("post_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_report_deleted_at" ON "social_report" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_report_post_customer_unique" ON "social_report" ("post_id", "customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_social_report_open" ON "social_report" ("post_id") WHERE deleted_at IS NULL AND resolved_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "social_like" add constraint "social_like_post_id_foreign" foreign key ("post_id") references "social_post" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "social_comment" add constraint "social_comment_post_id_foreign" foreign key ("post_id") references "social_post" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "social_post_image" add constraint "social_post_image_post_id_foreign" foreign key ("post_id") references "social_post" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "social_post_tag" add constraint "social_post_tag_post_id_foreign" foreign key ("post_id") references "social_post" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "social_report" add constraint "social_report_post_id_foreign" foreign key ("post_id") references "social_post" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "social_like" drop constraint if exists "social_like_post_id_foreign";`)

    this.addSql(`alter table if exists "social_comment" drop constraint if exists "social_comment_post_id_foreign";`)

    this.addSql(`alter table if exists "social_post_image" drop constraint if exists "social_post_image_post_id_foreign";`)

    this.addSql(`alter table if exists "social_post_tag" drop constraint if exists "social_post_tag_post_id_foreign";`)

    this.addSql(`alter table if exists "social_report" drop constraint if exists "social_report_post_id_foreign";`)

    this.addSql(`drop table if exists "social_follow" cascade;`)

    this.addSql(`drop table if exists "social_post" cascade;`)

    this.addSql(`drop table if exists "social_like" cascade;`)

    this.addSql(`drop table if exists "social_comment" cascade;`)

    this.addSql(`drop table if exists "social_post_image" cascade;`)

    this.addSql(`drop table if exists "social_post_tag" cascade;`)

    this.addSql(`drop table if exists "social_report" cascade;`)
  }
}
