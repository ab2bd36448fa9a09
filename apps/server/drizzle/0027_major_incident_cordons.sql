CREATE TABLE "major_incident_cordons" (
	"major_incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"geom" geometry(Polygon, 4326) NOT NULL,
	"radius_m" integer,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	CONSTRAINT "major_incident_cordons_major_incident_id_kind_pk" PRIMARY KEY("major_incident_id","kind")
);
--> statement-breakpoint
ALTER TABLE "major_incident_cordons" ADD CONSTRAINT "major_incident_cordons_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "major_incident_cordons_geom_gist" ON "major_incident_cordons" USING gist ("geom");