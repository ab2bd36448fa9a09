CREATE TABLE "goods_permits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"item_key" text NOT NULL,
	"quantity" bigint NOT NULL,
	"vehicle" text NOT NULL,
	"from_site_id" uuid NOT NULL,
	"to_site_id" uuid NOT NULL,
	"supervising_path" "ltree" NOT NULL,
	"window_from" timestamp with time zone NOT NULL,
	"window_until" timestamp with time zone NOT NULL,
	"corridor_meters" integer NOT NULL,
	"max_stop_minutes" integer NOT NULL,
	"dark_after_minutes" integer NOT NULL,
	"route" geometry(LineString, 4326) NOT NULL,
	"corridor" geometry(Geometry, 4326) NOT NULL,
	"distance_meters" real NOT NULL,
	"duration_seconds" real NOT NULL,
	"zones" jsonb NOT NULL,
	"watch" jsonb NOT NULL,
	"last_fix_at" timestamp with time zone,
	"last_fix_location" geometry(Point, 4326),
	"last_fix_speed" real,
	"dispatch_transfer_id" uuid NOT NULL,
	"delivery_transfer_id" uuid,
	"note" text,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_transport_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"permit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"location" geometry(Point, 4326),
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_transport_trail" (
	"permit_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"speed_kmh" real,
	CONSTRAINT "goods_transport_trail_permit_id_at_pk" PRIMARY KEY("permit_id","at")
);
--> statement-breakpoint
ALTER TABLE "goods_permits" ADD CONSTRAINT "goods_permits_item_key_goods_items_key_fk" FOREIGN KEY ("item_key") REFERENCES "public"."goods_items"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD CONSTRAINT "goods_permits_from_site_id_goods_sites_id_fk" FOREIGN KEY ("from_site_id") REFERENCES "public"."goods_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD CONSTRAINT "goods_permits_to_site_id_goods_sites_id_fk" FOREIGN KEY ("to_site_id") REFERENCES "public"."goods_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD CONSTRAINT "goods_permits_dispatch_transfer_id_goods_transfers_id_fk" FOREIGN KEY ("dispatch_transfer_id") REFERENCES "public"."goods_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD CONSTRAINT "goods_permits_delivery_transfer_id_goods_transfers_id_fk" FOREIGN KEY ("delivery_transfer_id") REFERENCES "public"."goods_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_transport_alerts" ADD CONSTRAINT "goods_transport_alerts_permit_id_goods_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."goods_permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_transport_trail" ADD CONSTRAINT "goods_transport_trail_permit_id_goods_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."goods_permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goods_permits_supervising_gist" ON "goods_permits" USING gist ("supervising_path");--> statement-breakpoint
CREATE INDEX "goods_permits_state_idx" ON "goods_permits" USING btree ("state","window_from");--> statement-breakpoint
CREATE UNIQUE INDEX "goods_transport_alerts_permit_idx" ON "goods_transport_alerts" USING btree ("permit_id","seq");