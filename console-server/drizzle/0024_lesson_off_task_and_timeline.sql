CREATE TABLE "lesson_off_task" (
	"class_id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"categories" jsonb NOT NULL,
	"staff_id" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_timeline" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"class_id" text NOT NULL,
	"device_id" text NOT NULL,
	"pupil_key" text NOT NULL,
	"site" text NOT NULL,
	"title" text,
	"category" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "lesson_off_task" ADD CONSTRAINT "lesson_off_task_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_off_task" ADD CONSTRAINT "lesson_off_task_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_timeline" ADD CONSTRAINT "lesson_timeline_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_timeline" ADD CONSTRAINT "lesson_timeline_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_timeline_pupil_idx" ON "lesson_timeline" USING btree ("school_id","class_id","pupil_key","started_at");--> statement-breakpoint
CREATE INDEX "lesson_timeline_school_time_idx" ON "lesson_timeline" USING btree ("school_id","started_at");
