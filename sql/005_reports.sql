-- Pollution reports from the public, the bureau staff who handle them, and the audit log of
-- what staff did. A report's place is kept as a WGS84 point; the unit, district and zones found
-- there at intake are copied in, so a later import does not move a report to another bureau.

CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  -- 20 Crockford base32 characters in four groups: 100 random bits, not guessable.
  tracking_code text NOT NULL UNIQUE
    CHECK (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$'),
  category text NOT NULL CHECK (category IN (
    'air', 'water', 'noise', 'solid_waste', 'soil', 'radiation', 'ecological_damage',
    'livestock')),
  observed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
  -- { name, phone, email }, each optional; null for an anonymous report.
  contact jsonb,
  location geometry(Point, 4326) NOT NULL,
  -- The point as sent: { lon, lat, crs }.
  location_input jsonb NOT NULL,
  unit_code text,
  unit_name text,
  unit_class text CHECK (unit_class IN ('priority', 'key', 'general')),
  district_adcode integer,
  district_name text,
  -- [{ layer, id, properties }] of the overlay zones at the point.
  zones jsonb NOT NULL DEFAULT '[]',
  priority text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal')),
  -- [{ kind: 'zone' | 'unit' | 'cluster', … }]: what raised the priority.
  priority_reasons jsonb NOT NULL DEFAULT '[]',
  -- Reports within the cluster radius and window at intake, this one included.
  cluster_size integer NOT NULL DEFAULT 1 CHECK (cluster_size >= 1),
  status text NOT NULL DEFAULT 'received' CHECK (status IN (
    'received', 'accepted', 'referred', 'assigned', 'inspected', 'rectifying', 'replied',
    'closed')),
  referred_to text,
  assignee text,
  accepted_at timestamptz,
  closed_at timestamptz,
  extension_days integer CHECK (extension_days BETWEEN 1 AND 30),
  extension_reason text,
  CHECK ((extension_days IS NULL) = (extension_reason IS NULL))
);

CREATE INDEX reports_location_idx ON reports USING gist (location);
CREATE INDEX reports_received_at_idx ON reports (received_at);
CREATE INDEX reports_status_idx ON reports (status);
CREATE INDEX reports_district_idx ON reports (district_adcode);
CREATE INDEX reports_unit_idx ON reports (unit_code);

-- Photos with their location and other metadata already stripped.
CREATE TABLE report_photos (
  report_id bigint NOT NULL REFERENCES reports (id),
  position integer NOT NULL CHECK (position BETWEEN 1 AND 3),
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  bytes bytea NOT NULL,
  PRIMARY KEY (report_id, position)
);

-- Each status a report took: who set it, when, and why.
CREATE TABLE report_events (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES reports (id),
  status text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  -- A staff name, or null for the public intake.
  actor text,
  note text,
  referred_to text,
  assignee text
);

CREATE INDEX report_events_report_idx ON report_events (report_id, id);

-- Bureau staff. A token is shown once when issued; only its sha256 is kept.
CREATE TABLE staff (
  id serial PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 64),
  role text NOT NULL CHECK (role IN ('viewer', 'officer', 'supervisor')),
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One live token per name; a revoked name may be issued a new one.
CREATE UNIQUE INDEX staff_live_name_idx ON staff (name) WHERE revoked_at IS NULL;

-- What staff and the intake did, append-only: the trigger below refuses every change to a row
-- once written, whoever asks.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  report_id bigint REFERENCES reports (id),
  detail jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_report_idx ON audit_log (report_id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
