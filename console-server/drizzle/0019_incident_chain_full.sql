-- Illegal categories are always blocked (docs/architecture.md, "Illegal content is always blocked"):
-- the policy schema now refuses any action but "block" for them, so a stored policy that says
-- otherwise is set to "block" here (its version goes up so devices take it at once).
UPDATE "policies" SET
  "body" = jsonb_set("body", '{categories}', (
    SELECT jsonb_object_agg(e.key, CASE WHEN e.key IN ('illegal-csam', 'illegal-terrorism', 'illegal-hate')
      THEN '{"action":"block"}'::jsonb ELSE e.value END)
    FROM jsonb_each("body"->'categories') AS e
  )),
  "version" = "version" + 1,
  "updated_at" = now(),
  "updated_by" = 'Waymark: illegal categories are always blocked'
WHERE EXISTS (
  SELECT 1 FROM jsonb_each("body"->'categories') AS e
  WHERE e.key IN ('illegal-csam', 'illegal-terrorism', 'illegal-hate') AND e.value->>'action' <> 'block'
);--> statement-breakpoint
-- The incident log's chain covers everything (docs/architecture.md, "Incidents"): entries written
-- from now on are chain version 2 (their facts hashed beside the digest of their change); the rows
-- already written stay version 1 and verify as before.
ALTER TABLE "incident_history" ADD COLUMN "chain_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_history" ADD COLUMN "facts" jsonb;
