ALTER TABLE "staff" ADD COLUMN "deputy_dsl" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "alert_escalation_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "alert_escalation_any_time" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "severity" text DEFAULT 'high' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalated_to" text DEFAULT 'dsl' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalate_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "acknowledged_by" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "acknowledged_by_name" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_staff_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_due" ON "alerts" USING btree ("escalate_at") WHERE "acknowledged_at" IS NULL;--> statement-breakpoint
CREATE TABLE "alert_events" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"alert_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_events_alert" ON "alert_events" USING btree ("alert_id");--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"alert_id" uuid NOT NULL,
	"what" text NOT NULL,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"next_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_at") WHERE "status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_school" ON "webhook_deliveries" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE TABLE "false_positives" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"marked_by" text NOT NULL,
	"marked_by_name" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"phrases" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "false_positives" ADD CONSTRAINT "false_positives_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "false_positives" ADD CONSTRAINT "false_positives_marked_by_staff_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "phrase_counts" (
	"school_id" text NOT NULL,
	"category" text NOT NULL,
	"phrase" text NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"false_positives" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "phrase_counts_pk" PRIMARY KEY("school_id","category","phrase")
);
--> statement-breakpoint
ALTER TABLE "phrase_counts" ADD CONSTRAINT "phrase_counts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;
