-- Zoning schema: the layer catalogue, one table per layer, the access list and the industry
-- catalogue. Geometry is stored in lon/lat, SRID 4326; CGCS2000 (EPSG:4490) coordinates are
-- taken as equal to WGS84, which holds to well under a metre for zoning purposes.

CREATE EXTENSION IF NOT EXISTS postgis;

-- The catalogue drives everything that reads a layer: the tile path, the lookup and the
-- importer take table and column names from here and nowhere else.
CREATE TABLE layers (
  name text PRIMARY KEY,
  table_name text NOT NULL UNIQUE,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  geometry_kind text NOT NULL CHECK (geometry_kind IN ('polygon', 'line', 'point')),
  -- What the layer is to the zoning: the control units themselves, an overlay zone a site can
  -- lie in, a feature that distance rules measure from, or context for the map.
  role text NOT NULL CHECK (role IN ('units', 'zone', 'feature', 'context')),
  -- [{ "name", "type": "text"|"integer"|"number"|"text[]", "required", "description_zh",
  --    "description_en", "aliases": [...] }]; every listed attribute is public.
  attributes jsonb NOT NULL,
  minzoom integer NOT NULL DEFAULT 0 CHECK (minzoom BETWEEN 0 AND 24),
  maxzoom integer NOT NULL DEFAULT 14 CHECK (maxzoom BETWEEN 0 AND 24),
  sort_order integer NOT NULL DEFAULT 0,
  data_version integer NOT NULL DEFAULT 0,
  feature_count integer NOT NULL DEFAULT 0,
  -- [west, south, east, north] of the loaded features, null while the layer is empty.
  bounds double precision[],
  repaired_count integer NOT NULL DEFAULT 0,
  source text,
  loaded_at timestamptz,
  CHECK (minzoom <= maxzoom)
);

CREATE TABLE districts (
  id serial PRIMARY KEY,
  adcode integer NOT NULL UNIQUE,
  name text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE control_units (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^ZH[0-9]{11}$'),
  name text NOT NULL,
  class text NOT NULL CHECK (class IN ('priority', 'key', 'general')),
  district_adcode integer NOT NULL,
  area_km2 double precision NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE water_source_zones (
  id serial PRIMARY KEY,
  name text NOT NULL,
  source_name text NOT NULL,
  level text NOT NULL CHECK (level IN ('level1', 'level2', 'quasi')),
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE nature_reserve_zones (
  id serial PRIMARY KEY,
  reserve_name text NOT NULL,
  reserve_level text NOT NULL,
  zone text NOT NULL CHECK (zone IN ('core', 'buffer', 'experimental')),
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE ecological_red_line (
  id serial PRIMARY KEY,
  name text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE ecological_space (
  id serial PRIMARY KEY,
  name text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE industrial_parks (
  id serial PRIMARY KEY,
  name text NOT NULL,
  park_level text NOT NULL CHECK (park_level IN ('national', 'provincial')),
  leading_industries text NOT NULL,
  unit_code text,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE no_raising_zones (
  id serial PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('no_raising', 'restricted')),
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE rivers (
  id serial PRIMARY KEY,
  name text NOT NULL,
  geom geometry(MultiLineString, 4326) NOT NULL
);

CREATE TABLE facilities (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('outfall', 'farm', 'intake')),
  name text NOT NULL,
  geom geometry(Point, 4326) NOT NULL
);

CREATE INDEX districts_geom_idx ON districts USING gist (geom);
CREATE INDEX control_units_geom_idx ON control_units USING gist (geom);
CREATE INDEX water_source_zones_geom_idx ON water_source_zones USING gist (geom);
CREATE INDEX nature_reserve_zones_geom_idx ON nature_reserve_zones USING gist (geom);
CREATE INDEX ecological_red_line_geom_idx ON ecological_red_line USING gist (geom);
CREATE INDEX ecological_space_geom_idx ON ecological_space USING gist (geom);
CREATE INDEX industrial_parks_geom_idx ON industrial_parks USING gist (geom);
CREATE INDEX no_raising_zones_geom_idx ON no_raising_zones USING gist (geom);
CREATE INDEX rivers_geom_idx ON rivers USING gist (geom);
CREATE INDEX facilities_geom_idx ON facilities USING gist (geom);

-- GB/T 4754-2017: sections (a letter), divisions (2 digits), groups (3) and classes (4).
CREATE TABLE industries (
  code text PRIMARY KEY CHECK (code ~ '^[A-T]([0-9]{2,4})?$'),
  name_zh text NOT NULL,
  name_en text,
  level text NOT NULL CHECK (level IN ('section', 'division', 'group', 'class')),
  parent_code text REFERENCES industries (code)
);

-- The access list. A rule belongs to exactly one scope: one unit, every unit of a class, or
-- the features of a layer (optionally filtered on one attribute), either inside them or, when
-- within_m is set, within that true distance of them.
CREATE TABLE rules (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  unit_code text,
  unit_class text CHECK (unit_class IN ('priority', 'key', 'general')),
  layer text REFERENCES layers (name),
  layer_filter jsonb,
  within_m double precision CHECK (within_m > 0),
  dimension text NOT NULL CHECK (
    dimension IN ('spatial_layout', 'emission_control', 'risk_prevention', 'resource_efficiency')
  ),
  effect text NOT NULL CHECK (effect IN ('forbid', 'restrict', 'condition', 'encourage')),
  industries text[] NOT NULL DEFAULT '{}',
  project_kinds text[] NOT NULL DEFAULT '{}',
  text_zh text NOT NULL,
  legal_basis text,
  CHECK (num_nonnulls(unit_code, unit_class, layer) = 1),
  CHECK (within_m IS NULL OR layer IS NOT NULL)
);

CREATE INDEX rules_unit_code_idx ON rules (unit_code);

CREATE TABLE dataset_info (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
