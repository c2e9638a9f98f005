ALTER TABLE "schools" ADD COLUMN "proxy_choice" jsonb DEFAULT '{"mode":"system"}'::jsonb NOT NULL;
