-- A layer's data version counts imports into one database; another database (a rebuilt one, or a
-- backup restored and imported into again) reaches the same numbers with other data. Tile cache
-- keys and ETags outlive a database in a shared Redis and in clients, so they also carry this
-- token, drawn anew at every import (which sets it to its DEFAULT again): two imports never share
-- it, whatever their version number.
ALTER TABLE layers
  ADD COLUMN data_token text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text);
