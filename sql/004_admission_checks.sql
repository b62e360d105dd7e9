-- Admission checks as answered, so an enterprise can show the bureau the very answer it got,
-- whatever the zoning says by then. The answer is kept as json, not jsonb: json keeps the text
-- as sent, so reading it back gives the same bytes.
CREATE TABLE admission_checks (
  -- 22 URL-safe base64 characters: 128 random bits, not guessable.
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22}$'),
  -- sha256 (hex) of the canonical input: site as received, crs, industry and project kind.
  input_sha256 text NOT NULL CHECK (input_sha256 ~ '^[0-9a-f]{64}$'),
  checked_at timestamptz NOT NULL DEFAULT now(),
  answer json NOT NULL
);

CREATE INDEX admission_checks_input_sha256_idx ON admission_checks (input_sha256);

-- Overlay zones where most projects are barred, which a check reports when they lie near a
-- site as well as when the site is in them.
ALTER TABLE layers ADD COLUMN sensitive boolean NOT NULL DEFAULT false;

UPDATE layers SET sensitive = true
 WHERE name IN ('water_source_zones', 'nature_reserve_zones', 'ecological_red_line',
                'no_raising_zones');
