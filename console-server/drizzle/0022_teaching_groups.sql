ALTER TABLE "classes" ADD COLUMN "kind" text DEFAULT 'class' NOT NULL;--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "profile_override" text;--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "classes_school_external" ON "classes" USING btree ("school_id","external_id");--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "pupils_school_external" ON "pupils" USING btree ("school_id","external_id");--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "roster_org_id" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "timetable_weeks" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "timetable_week_one" date;--> statement-breakpoint
CREATE TABLE "group_members" (
	"class_id" text NOT NULL,
	"pupil_id" text NOT NULL,
	CONSTRAINT "group_members_class_id_pupil_id_pk" PRIMARY KEY("class_id","pupil_id")
);
--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_members_pupil" ON "group_members" USING btree ("pupil_id");--> statement-breakpoint
CREATE TABLE "school_calendar" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"external_id" text
);
--> statement-breakpoint
ALTER TABLE "school_calendar" ADD CONSTRAINT "school_calendar_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_calendar_school" ON "school_calendar" USING btree ("school_id","starts_on");--> statement-breakpoint
CREATE TABLE "timetable_lessons" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"class_id" text NOT NULL,
	"staff_id" text,
	"room" text,
	"week" integer NOT NULL,
	"weekday" integer NOT NULL,
	"period" text NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "timetable_lessons" ADD CONSTRAINT "timetable_lessons_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_lessons" ADD CONSTRAINT "timetable_lessons_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_lessons" ADD CONSTRAINT "timetable_lessons_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timetable_lessons_school_day" ON "timetable_lessons" USING btree ("school_id","weekday");--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"class_id" text NOT NULL,
	"started_by" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_started_by_staff_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_sessions_school_end" ON "class_sessions" USING btree ("school_id","ends_at");
