-- How long clients may keep a layer's tiles: a layer that changes often can say so.
ALTER TABLE layers
  ADD COLUMN max_age_s integer NOT NULL DEFAULT 300 CHECK (max_age_s >= 0),
  ADD COLUMN stale_while_revalidate_s integer NOT NULL DEFAULT 3600
    CHECK (stale_while_revalidate_s >= 0);
