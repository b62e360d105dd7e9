import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  gaussKruger,
  gaussKrugerByEpsg,
  gaussKrugerProj4,
} from '../../server/import/gauss-kruger.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'

// The reference is the EPSG registry as PostGIS ships it in spatial_ref_sys.
const CODES = Array.from({ length: 4554 - 4491 + 1 }, (_, i) => 4491 + i)

/** A proj4 definition as a map of its parameters, so that their order does not matter. */
const parameters = (definition: string) =>
  Object.fromEntries(
    definition
      .trim()
      .split(/\s+/)
      .map((part) => part.replace(/^\+/, '').split('='))
      .map(([key, value]) => [key, value === undefined ? true : Number(value) || value]),
  )

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`CGCS2000 Gauss-Kruger definitions ${backend.title}`, () => {
    let database: MigratedDatabase
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
    })
    afterAll(() => database?.close())

    it('match spatial_ref_sys for every code from 4491 to 4554', async () => {
      const rows = await database.db.query<{ srid: number; proj4text: string; srtext: string }>(
        'SELECT srid, proj4text, srtext FROM spatial_ref_sys WHERE srid BETWEEN 4491 AND 4554',
      )
      expect(rows.map((r) => r.srid).sort()).toEqual(CODES)
      for (const row of rows) {
        const system = gaussKrugerByEpsg(row.srid)!
        expect(parameters(gaussKrugerProj4(system)), `EPSG:${row.srid}`).toEqual(
          parameters(row.proj4text),
        )
        expect(row.srtext, `EPSG:${row.srid}`).toContain(`PROJCS["${system.name}"`)
      }
    })
  })
}

describe('gaussKruger', () => {
  it('names parameters that match a code by the 3-degree code', () => {
    expect(gaussKruger(114, 38_500_000).epsg).toBe(4526)
    expect(gaussKruger(111, 500_000).epsg).toBe(4546)
    expect(gaussKruger(111, 19_500_000).epsg).toBe(4497)
  })

  it('leaves other parameters unregistered', () => {
    expect(gaussKruger(112.5, 500_000).epsg).toBeUndefined()
    expect(gaussKruger(114, 37_500_000).epsg).toBeUndefined()
  })
})
