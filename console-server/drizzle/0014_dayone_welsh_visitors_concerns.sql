CREATE TABLE "concern_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"week" text NOT NULL,
	"line" text NOT NULL,
	"note" text,
	"reported_by" text NOT NULL,
	"reported_by_name" text NOT NULL,
	"reported_to" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollment_tokens" ADD COLUMN "visitor_name" text;--> statement-breakpoint
ALTER TABLE "enrollment_tokens" ADD COLUMN "issued_by" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "country" text DEFAULT 'england' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "pupil_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "visitor_notice" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "technician_digest_names_pupils" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_reports" ADD CONSTRAINT "concern_reports_reported_by_staff_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_reports_school" ON "concern_reports" USING btree ("school_id","created_at");--> statement-breakpoint
ALTER TABLE "enrollment_tokens" ADD CONSTRAINT "enrollment_tokens_issued_by_staff_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;