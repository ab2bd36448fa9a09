-- The device account of a permitted vehicle's terminal: when set, only it reports the permit's fixes over HTTP (docs/security.md).
ALTER TABLE "goods_permits" ADD COLUMN "terminal_id" uuid REFERENCES "users"("id");
