ALTER TABLE "incident_history" ALTER COLUMN "incident_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "incident_retention_days" integer DEFAULT 2190 NOT NULL;