import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/database.ts'
import { migrate, splitStatements, SQL_DIR } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'

describe('splitting migration text', () => {
  it('splits at semicolons outside quotes and comments', () => {
    const sql = `-- a comment; with a semicolon
      CREATE TABLE a (t text DEFAULT 'x;y');
      INSERT INTO a VALUES ('it''s; fine'); -- trailing; comment
      SELECT 1`
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (t text DEFAULT 'x;y')",
      "INSERT INTO a VALUES ('it''s; fine')",
      'SELECT 1',
    ])
  })

  it('keeps dollar-quoted bodies whole, with or without a tag', () => {
    const body = "BEGIN UPDATE t SET a = 'x;'; RETURN NULL; END"
    const sql = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ ${body} $$;
      CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $fn$ SELECT '$$;' $fn$;
      SELECT $1::int`
    expect(splitStatements(sql)).toEqual([
      `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ ${body} $$`,
      "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $fn$ SELECT '$$;' $fn$",
      'SELECT $1::int',
    ])
  })
})

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`migrations ${backend.title}`, () => {
    let db: Database
    let drop: (() => Promise<void>) | undefined
    beforeAll(async () => {
      const scratch = backend.name === 'postgres' ? await createScratchDatabase() : undefined
      drop = scratch?.drop
      db = await openDatabase({ url: scratch?.url })
    })
    afterAll(async () => {
      await db?.close()
      await drop?.()
    })

    it('applies every file once and nothing on a second run', async () => {
      const files = (await readdir(SQL_DIR)).filter((f) => f.endsWith('.sql')).sort()
      const first = await migrate(db)
      expect(first).toEqual(files.map((f) => f.slice(0, 3)))
      expect(first.length).toBeGreaterThanOrEqual(3)
      expect(await migrate(db)).toEqual([])
    })

    it('creates a table per layer and PostGIS with the Gauss-Krüger zones', async () => {
      const layers = await db.query<{ table_name: string }>('SELECT table_name FROM layers')
      expect(layers.length).toBe(10)
      for (const { table_name } of layers) {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM information_schema.columns
            WHERE table_name = $1 AND column_name = 'geom'`,
          [table_name],
        )
        expect(row!.n).toBe(1)
      }
      // Zone 38 with its prefix: 112.5°E lies 1.5° west of the central meridian 114°E.
      const [point] = await db.query<{ x: number }>(
        `SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(114, 27), 4326), 4526)) AS x`,
      )
      expect(point!.x).toBeCloseTo(38_500_000, 0)
    })
  })
}
