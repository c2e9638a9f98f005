CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"pupil_key" text NOT NULL,
	"pupil_label" text NOT NULL,
	"class_id" text,
	"class_name" text,
	"topic" text NOT NULL,
	"count" integer NOT NULL,
	"first_event_id" uuid NOT NULL,
	"last_event_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digests_sent" (
	"school_id" text NOT NULL,
	"week" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" integer NOT NULL,
	CONSTRAINT "digests_sent_school_id_week_pk" PRIMARY KEY("school_id","week")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digests_sent" ADD CONSTRAINT "digests_sent_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_key" ON "alerts" USING btree ("school_id","pupil_key","topic","created_at");