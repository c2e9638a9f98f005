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
	"delta_floor" integer DEFAULT 0 NOT NULL,
	"pending_version" integer,
	"pending_summary" jsonb,
	"created_by" text REFERENCES "staff"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_sources_school_name" UNIQUE("school_id","name")
);
--> statement-breakpoint
CREATE TABLE "category_chunks" (
	"source_id" text NOT NULL REFERENCES "category_sources"("id") ON DELETE CASCADE,
	"version" integer NOT NULL,
	"category" text NOT NULL,
	"seq" integer NOT NULL,
	"first_key" text COLLATE "C" NOT NULL,
	"last_key" text COLLATE "C" NOT NULL,
	"count" integer NOT NULL,
	"entries" text NOT NULL,
	CONSTRAINT "category_chunks_pk" PRIMARY KEY("source_id","version","category","seq")
);
--> statement-breakpoint
CREATE INDEX "category_chunks_last_key" ON "category_chunks" USING btree ("source_id","version","category","last_key");
--> statement-breakpoint
CREATE TABLE "category_runs" (
	"source_id" text NOT NULL REFERENCES "category_sources"("id") ON DELETE CASCADE,
	"version" integer NOT NULL,
	"run" integer NOT NULL,
	"category" text NOT NULL,
	"seq" integer NOT NULL,
	"entries" text NOT NULL,
	CONSTRAINT "category_runs_pk" PRIMARY KEY("source_id","version","run","category","seq")
);
--> statement-breakpoint
CREATE TABLE "category_legacy_entries" (
	"source_id" text NOT NULL REFERENCES "category_sources"("id") ON DELETE CASCADE,
	"category" text NOT NULL,
	"entry" text NOT NULL
);
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
INSERT INTO "category_sources" ("id", "school_id", "name", "kind", "format", "version", "status", "updated_at")
SELECT 'uploads-' || s."school_id", s."school_id", 'Uploaded lists', 'manual', 'mixed', 0, 'legacy', now()
FROM (SELECT DISTINCT "school_id" FROM "policies"
      WHERE jsonb_typeof("body"->'categoryLists') = 'object' AND "body"->'categoryLists' <> '{}'::jsonb) s;
--> statement-breakpoint
INSERT INTO "category_legacy_entries" ("source_id", "category", "entry")
SELECT DISTINCT 'uploads-' || p."school_id", l.key, e.value
FROM "policies" p,
	jsonb_each(CASE WHEN jsonb_typeof(p."body"->'categoryLists') = 'object' THEN p."body"->'categoryLists' ELSE '{}'::jsonb END) l,
	jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.value) = 'array' THEN l.value ELSE '[]'::jsonb END) e;
--> statement-breakpoint
UPDATE "policies" SET "body" = "body" - 'categoryLists';
