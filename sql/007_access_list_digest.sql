-- The access list has no version of its own, so a check records a digest of it: the rule count
-- and the sha256 of the rules as JSON rows in code order. Hashing a province-wide list takes
-- tens of milliseconds, too long to repeat on every check, so it is kept here and refreshed by
-- a trigger whenever the rules change, by the importer or by hand.
CREATE TABLE access_list_digest (
  -- One row only.
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  rules integer NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

CREATE FUNCTION refresh_access_list_digest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO access_list_digest (rules, sha256)
  SELECT count(*)::integer,
         encode(sha256(convert_to(
           coalesce(string_agg(row_to_json(r)::text, E'\n' ORDER BY r.code), ''), 'UTF8'
         )), 'hex')
    FROM (SELECT code, unit_code, unit_class, layer, layer_filter, within_m, dimension,
                 effect, industries, project_kinds, text_zh, legal_basis
            FROM rules) r
  ON CONFLICT (singleton) DO UPDATE SET rules = EXCLUDED.rules, sha256 = EXCLUDED.sha256;
  RETURN NULL;
END
$$;

-- Once per statement: an import replaces the list in two statements, not one per rule.
CREATE TRIGGER rules_refresh_digest
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rules
  FOR EACH STATEMENT EXECUTE FUNCTION refresh_access_list_digest();

-- The digest of the rules already loaded: a statement on the table fires the trigger.
DELETE FROM rules WHERE false;
