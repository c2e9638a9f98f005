CREATE TABLE "review_packs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" text NOT NULL,
	"content_hash" text NOT NULL,
	"prepared_by" text NOT NULL,
	"prepared_by_name" text NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_pack_signatures" (
	"pack_id" uuid NOT NULL,
	"role" text NOT NULL,
	"staff_id" text NOT NULL,
	"staff_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_pack_signatures_pack_id_role_pk" PRIMARY KEY("pack_id","role")
);
--> statement-breakpoint
ALTER TABLE "review_packs" ADD CONSTRAINT "review_packs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_packs" ADD CONSTRAINT "review_packs_prepared_by_staff_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_pack_signatures" ADD CONSTRAINT "review_pack_signatures_pack_id_review_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."review_packs"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "review_pack_signatures" ADD CONSTRAINT "review_pack_signatures_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "review_packs_school_year" ON "review_packs" USING btree ("school_id","year");
--> statement-breakpoint
CREATE UNIQUE INDEX "review_pack_signatures_person" ON "review_pack_signatures" USING btree ("pack_id","staff_id");
--> statement-breakpoint
-- A signed pack is kept as it was signed: the database refuses to change or delete it, or its signatures.
CREATE FUNCTION "review_pack_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'signed' THEN
		RAISE EXCEPTION 'review pack % is signed and cannot be changed', OLD.id;
	END IF;
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "review_packs_frozen" BEFORE UPDATE OR DELETE ON "review_packs" FOR EACH ROW EXECUTE FUNCTION "review_pack_frozen"();
--> statement-breakpoint
CREATE FUNCTION "review_pack_signature_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM "review_packs" WHERE "id" = OLD.pack_id AND "status" = 'signed') THEN
		RAISE EXCEPTION 'review pack % is signed: its signatures cannot be changed', OLD.pack_id;
	END IF;
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "review_pack_signatures_frozen" BEFORE UPDATE OR DELETE ON "review_pack_signatures" FOR EACH ROW EXECUTE FUNCTION "review_pack_signature_frozen"();
