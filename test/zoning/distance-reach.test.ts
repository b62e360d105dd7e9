import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/database.ts'
import { migrate } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { readLayers, type Layer } from '../../server/tiles/layer-catalog.ts'
import { distanceWithin } from '../../server/zoning/site-zoning.ts'
import { haversine } from '../support/geodesy.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'

/**
 * A point `metres` from `from` along `bearing` (degrees from north): the direction's unit offset
 * scaled by its great-circle length, within 0.5% of the ellipsoid's distance at these ranges.
 */
function pointAt(from: [number, number], bearing: number, metres: number): [number, number] {
  const b = (bearing * Math.PI) / 180
  const unit: [number, number] = [from[0] + Math.sin(b) * 1e-3, from[1] + Math.cos(b) * 1e-3]
  const scale = metres / haversine(from, unit)
  return [from[0] + Math.sin(b) * 1e-3 * scale, from[1] + Math.cos(b) * 1e-3 * scale]
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`distance rules reach ${backend.title}`, () => {
    let db: Database
    let rivers: Layer
    let drop: (() => Promise<void>) | undefined
    beforeAll(async () => {
      const scratch = backend.name === 'postgres' ? await createScratchDatabase() : undefined
      drop = scratch?.drop
      db = await openDatabase({ url: scratch?.url })
      await migrate(db)
      rivers = (await readLayers(db)).find((layer) => layer.name === 'rivers')!
    })
    afterAll(async () => {
      await db?.close()
      await drop?.()
    })

    // The planar pre-filter in degrees must never drop what lies within reach on the ellipsoid:
    // longitude degrees shrink with latitude, so try far north as well as at Hengyang.
    for (const [lat, reach] of [
      [26.9, 1000],
      [26.9, 5000],
      [60, 5000],
    ] as const) {
      it(`finds a river ${reach} m away at latitude ${lat} in any direction`, async () => {
        const mouth: [number, number] = [112.6, lat]
        await db.query('DELETE FROM rivers')
        await db.query(
          `INSERT INTO rivers (name, geom) VALUES ('测试河', ST_Multi(ST_SetSRID(
             ST_MakeLine(ST_MakePoint($1, $2), ST_MakePoint($1, $2 + 1e-7)), 4326)))`,
          mouth,
        )
        for (const bearing of [0, 45, 90, 135, 180, 270, 300]) {
          const near = pointAt(mouth, bearing, reach * 0.98)
          const far = pointAt(mouth, bearing, reach * 1.02)
          const at = (p: [number, number]) =>
            distanceWithin(db, rivers, null, reach, { type: 'Point', coordinates: p })
          const found = await at(near)
          expect(found, `bearing ${bearing}`).toBeDefined()
          expect(found!.distance_m / (reach * 0.98)).toBeCloseTo(1, 2)
          expect(await at(far), `bearing ${bearing}`).toBeUndefined()
        }
      })
    }
  })
}
