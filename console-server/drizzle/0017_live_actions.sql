CREATE TABLE "live_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"class_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"staff_name" text NOT NULL,
	"kind" text NOT NULL,
	"action" jsonb NOT NULL,
	"device_ids" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_action_replies" (
	"action_id" text NOT NULL,
	"device_id" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_action_replies_action_id_device_id_pk" PRIMARY KEY("action_id","device_id")
);
--> statement-breakpoint
ALTER TABLE "live_actions" ADD CONSTRAINT "live_actions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_actions" ADD CONSTRAINT "live_actions_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_actions" ADD CONSTRAINT "live_actions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_action_replies" ADD CONSTRAINT "live_action_replies_action_id_live_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."live_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_actions_class_idx" ON "live_actions" USING btree ("school_id","class_id","created_at");
