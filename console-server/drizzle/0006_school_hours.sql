ALTER TABLE "schools" ADD COLUMN "day_start" text DEFAULT '08:30' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "day_end" text DEFAULT '15:30' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "silent_after_minutes" integer DEFAULT 20 NOT NULL;