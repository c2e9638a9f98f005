CREATE TABLE "filter_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"staff_id" text,
	"staff_name" text,
	"scheduled" boolean DEFAULT false NOT NULL,
	"target" jsonb NOT NULL,
	"target_label" text NOT NULL,
	"addresses" jsonb NOT NULL,
	"devices" jsonb NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"gaps" integer DEFAULT 0 NOT NULL,
	"not_checked" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "filter_check_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"check_id" text NOT NULL,
	"school_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"staff_name" text NOT NULL,
	"note" text NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filter_check_addresses" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"url" text NOT NULL,
	"category" text NOT NULL,
	"note" text NOT NULL,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "filter_check_every_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "filter_check_sample_size" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "filter_checks" ADD CONSTRAINT "filter_checks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filter_checks" ADD CONSTRAINT "filter_checks_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filter_check_follow_ups" ADD CONSTRAINT "filter_check_follow_ups_check_id_filter_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."filter_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filter_check_follow_ups" ADD CONSTRAINT "filter_check_follow_ups_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filter_check_addresses" ADD CONSTRAINT "filter_check_addresses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "filter_checks_school_idx" ON "filter_checks" USING btree ("school_id","started_at");--> statement-breakpoint
CREATE INDEX "filter_check_follow_ups_check_idx" ON "filter_check_follow_ups" USING btree ("check_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "filter_check_addresses_school_url_idx" ON "filter_check_addresses" USING btree ("school_id","url");
