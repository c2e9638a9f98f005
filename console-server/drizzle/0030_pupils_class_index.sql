CREATE INDEX IF NOT EXISTS "pupils_class" ON "pupils" USING btree ("class_id");
