import { open, rename, rm } from 'node:fs/promises'
import { openDatabase } from '../../server/db/open-database.ts'
import type { StopCleanup } from '../../server/ops/stop-cleanup.ts'
import { readCities } from './city-source.ts'
import {
  buildCells,
  countInvalidCells,
  loadCities,
  placeSeeds,
  readCells,
} from './province-cells.ts'
import { createScratchDatabase } from './scratch-database.ts'
import { assignUnitAttributes } from './unit-attributes.ts'

export interface ProvinceOptions {
  /** Seed points drawn inside the province; each city it crosses splits a cell in pieces. */
  units: number
  seed: number
  /** Longest distance between vertices along a boundary, metres. */
  spacingM: number
  /** GeoJSON of the 14 cities of Hunan in GCJ-02. */
  citiesFile: string
  /** The FeatureCollection to write; its folder must exist. */
  outFile: string
  /** postgres:// URL of a PostgreSQL server with PostGIS, where a scratch database is made. */
  postgresUrl: string
}

export interface ProvinceResult {
  file: string
  units: number
  vertices: number
  /** Units PostGIS found invalid before writing; zero when all is well. */
  invalid: number
  bytes: number
  seconds: number
}

// Geometry work on 20,000 cells takes seconds; the default per-statement limit is for requests.
const BUILD_STATEMENT_TIMEOUT_MS = 30 * 60_000

/**
 * Builds a province-scale control unit layer: Voronoi cells of seeded random points cut along
 * the city boundaries of Hunan and densified, each piece a unit with a class, a unique code, a
 * name and its city's adcode. The geometry is computed in a scratch database on the given
 * PostgreSQL server, dropped afterwards, and the units are written as a GeoJSON
 * FeatureCollection in WGS84 that the importer loads into `control_units`. The same options
 * always write the same bytes. The file appears only once complete. `cleanups` is given the
 * undoing of what the build leaves outside the process, for a command that may be stopped.
 */
export async function buildProvince(
  options: ProvinceOptions,
  cleanups?: StopCleanup,
): Promise<ProvinceResult> {
  const started = performance.now()
  const cities = readCities(options.citiesFile)
  const partial = `${options.outFile}.partial-${process.pid}`
  cleanups?.add(() => rm(partial, { force: true }))
  const scratch = await createScratchDatabase(options.postgresUrl, 'province_build', cleanups)
  try {
    const db = await openDatabase({
      url: scratch.url,
      poolSize: 1,
      statementTimeoutMs: BUILD_STATEMENT_TIMEOUT_MS,
    })
    try {
      await loadCities(db, cities)
      await placeSeeds(db, options.units, options.seed)
      await buildCells(db, options.spacingM)
      const invalid = await countInvalidCells(db)
      const cells = await readCells(db)

      const names = new Map(cities.map((city) => [city.adcode, city.name]))
      const attributes = assignUnitAttributes(cells, names, options.seed)
      const bytes = await writeUnits(
        partial,
        cells.map((cell, i) => ({
          properties: { ...attributes[i]!, area_km2: Math.round(cell.areaKm2 * 1e4) / 1e4 },
          geometry: cell.geometry,
        })),
      )

      await rename(partial, options.outFile)
      return {
        file: options.outFile,
        units: cells.length,
        vertices: cells.reduce((sum, cell) => sum + cell.vertices, 0),
        invalid,
        bytes,
        seconds: (performance.now() - started) / 1000,
      }
    } finally {
      await db.close()
    }
  } finally {
    await rm(partial, { force: true })
    await scratch.drop()
  }
}

/** Writes one feature per line; `geometry` is GeoJSON text already. Returns the bytes written. */
async function writeUnits(
  file: string,
  units: { properties: Record<string, unknown>; geometry: string }[],
): Promise<number> {
  const handle = await open(file, 'w')
  let bytes = 0
  const write = async (text: string) => {
    const buffer = Buffer.from(text)
    await handle.write(buffer)
    bytes += buffer.length
  }
  try {
    await write('{"type":"FeatureCollection","features":[\n')
    for (const [i, unit] of units.entries()) {
      const properties = JSON.stringify(unit.properties)
      const separator = i === units.length - 1 ? '\n' : ',\n'
      await write(
        `{"type":"Feature","properties":${properties},"geometry":${unit.geometry}}${separator}`,
      )
    }
    await write(']}\n')
  } finally {
    await handle.close()
  }
  return bytes
}
