CREATE TABLE "category_sources" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL REFERENCES "schools"("id"),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"url" text,
	"category" text,
	"mapping" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"hashes" jsonb,
	"counts" jsonb,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"etag" text,
	"last_modified" text,
	"max_bytes" bigint,
	"status" text DEFAULT 'ok' NOT NULL,
	"last_error" text,
	"checked_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"pending_version" integer,
	"pending_summary" jsonb,
	"created_by" text REFERENCES "staff"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_sources_school_name" UNIQUE("school_id","name")
);
--> statement-breakpoint
CREATE TABLE "category_entries" (
	"source_id" text NOT NULL REFERENCES "category_sources"("id") ON DELETE CASCADE,
	"version" integer NOT NULL,
	"category" text NOT NULL,
	"entry" text NOT NULL,
	"host" text NOT NULL,
	CONSTRAINT "category_entries_pk" PRIMARY KEY("source_id","version","category","entry")
);
--> statement-breakpoint
CREATE INDEX "category_entries_host" ON "category_entries" USING btree ("host");
--> statement-breakpoint
CREATE TABLE "category_changes" (
	"source_id" text NOT NULL REFERENCES "category_sources"("id") ON DELETE CASCADE,
	"version" integer NOT NULL,
	"category" text NOT NULL,
	"entry" text NOT NULL,
	"added" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "category_changes_version" ON "category_changes" USING btree ("source_id","version");
--> statement-breakpoint
-- Lists imported before the store lived inside every profile's policy: they become one source per
-- school (its hash is computed on first use), and the policies keep only their category actions.
INSERT INTO "category_sources" ("id", "school_id", "name", "kind", "format", "version", "updated_at")
SELECT 'uploads-' || s."school_id", s."school_id", 'Uploaded lists', 'manual', 'mixed', 1, now()
FROM (SELECT DISTINCT "school_id" FROM "policies"
      WHERE jsonb_typeof("body"->'categoryLists') = 'object' AND "body"->'categoryLists' <> '{}'::jsonb) s;
--> statement-breakpoint
INSERT INTO "category_entries" ("source_id", "version", "category", "entry", "host")
SELECT DISTINCT 'uploads-' || p."school_id", 1, l.key, e.value,
	split_part(split_part(split_part(ltrim(lower(regexp_replace(e.value, '^[a-zA-Z][a-zA-Z0-9+.-]*://', '')), '.'), '/', 1), ':', 1), '?', 1)
FROM "policies" p,
	jsonb_each(CASE WHEN jsonb_typeof(p."body"->'categoryLists') = 'object' THEN p."body"->'categoryLists' ELSE '{}'::jsonb END) l,
	jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.value) = 'array' THEN l.value ELSE '[]'::jsonb END) e;
--> statement-breakpoint
UPDATE "category_sources" s SET "entry_count" = (SELECT count(*) FROM "category_entries" e WHERE e."source_id" = s."id");
--> statement-breakpoint
UPDATE "policies" SET "body" = "body" - 'categoryLists';
