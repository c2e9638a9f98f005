CREATE TABLE "expected_devices" (
	"school_id" text NOT NULL,
	"asset_tag" text NOT NULL,
	"name" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expected_devices_school_id_asset_tag_pk" PRIMARY KEY("school_id","asset_tag")
);
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "assigned_profile" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "enforced_profile" text;--> statement-breakpoint
ALTER TABLE "enrollment_tokens" ADD COLUMN "profile" text;--> statement-breakpoint
ALTER TABLE "expected_devices" ADD CONSTRAINT "expected_devices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;