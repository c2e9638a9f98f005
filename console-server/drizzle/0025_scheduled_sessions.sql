ALTER TABLE "class_sessions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lesson_overrides" ADD COLUMN "session_id" text;--> statement-breakpoint
ALTER TABLE "lesson_overrides" ADD CONSTRAINT "lesson_overrides_session_id_class_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_sessions_class_start" ON "class_sessions" USING btree ("class_id","starts_at");--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "live_tabs_in_lessons_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "screen_thumbnails" boolean DEFAULT false NOT NULL;
