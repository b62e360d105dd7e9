import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { VectorTileFeature } from '@mapbox/vector-tile'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Layer } from '../../server/tiles/layer-catalog.ts'
import { TileCutter } from '../../server/tiles/tile-cutter.ts'
import { decodeTile } from '../support/mvt.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

const SAMPLE = path.resolve(import.meta.dirname, '../../data/sample')
const MAX_ZOOM = 10
/**
 * How far (tile pixels) a hole's bounding box may reach past its exterior's: the two rings are
 * simplified apart, and an exterior's outermost vertex may go where it lay within the 3-pixel
 * tolerance of the line kept in its place.
 */
const HOLE_SLACK = 4

/** The sample's extent in lon/lat, read from its files: [west, south, east, north]. */
function sampleBounds(): [number, number, number, number] {
  const bounds: [number, number, number, number] = [180, 90, -180, -90]
  const visit = (coordinates: unknown): void => {
    if (!Array.isArray(coordinates)) return
    if (typeof coordinates[0] === 'number') {
      const [lon, lat] = coordinates as number[]
      bounds[0] = Math.min(bounds[0], lon!)
      bounds[1] = Math.min(bounds[1], lat!)
      bounds[2] = Math.max(bounds[2], lon!)
      bounds[3] = Math.max(bounds[3], lat!)
    } else coordinates.forEach(visit)
  }
  for (const file of readdirSync(SAMPLE).filter((name) => name.endsWith('.geojson'))) {
    const collection = JSON.parse(readFileSync(path.join(SAMPLE, file), 'utf8'))
    for (const feature of collection.features) visit(feature.geometry.coordinates)
  }
  return bounds
}

/**
 * Every tile over the sample at zooms 0–10, and one more all round at each zoom, which may hold
 * features within the buffer beyond its edge.
 */
function sweep() {
  const [w, s, e, n] = sampleBounds()
  const tiles: { z: number; x: number; y: number }[] = []
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const last = 2 ** z - 1
    const [x0, x1] = [Math.max(lonToTileX(w, z) - 1, 0), Math.min(lonToTileX(e, z) + 1, last)]
    const [y0, y1] = [Math.max(latToTileY(n, z) - 1, 0), Math.min(latToTileY(s, z) + 1, last)]
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ z, x, y })
  }
  return tiles
}

type Ring = { x: number; y: number }[]

/** Twice the ring's signed area by the surveyor's formula: the specification's exterior is > 0. */
function twiceArea(ring: Ring): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]!.x * ring[i + 1]!.y - ring[i + 1]!.x * ring[i]!.y
  }
  return sum
}

function boxOf(ring: Ring) {
  const xs = ring.map((p) => p.x)
  const ys = ring.map((p) => p.y)
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const
}

const distinct = (points: Ring) => new Set(points.map((p) => `${p.x},${p.y}`)).size
const hasRepeat = (points: Ring) =>
  points.some((p, i) => i > 0 && p.x === points[i - 1]!.x && p.y === points[i - 1]!.y)

interface Seen {
  exteriors: number
  holes: number
  lines: number
  points: number
}

/**
 * What the vector tile specification 2.1 forbids in the feature's decoded geometry (4.3.3,
 * 4.3.4): a ring must be MoveTo, LineTo of two or more points, ClosePath (four points once the
 * decoder closes it), with no zero-length step, a non-zero area, positive for an exterior and
 * negative for a hole, which follows its exterior and lies within it; a line must be MoveTo and
 * LineTo of at least one point, again with no zero-length step.
 */
function problemsOf(feature: VectorTileFeature, seen: Seen): string[] {
  const problems: string[] = []
  const geometry = feature.loadGeometry() as Ring[]
  if (geometry.length === 0) problems.push('no geometry')
  if (feature.type === 1) seen.points += geometry.length
  if (feature.type === 2) {
    for (const line of geometry) {
      seen.lines++
      if (distinct(line) < 2) problems.push(`line of ${distinct(line)} distinct points`)
      if (hasRepeat(line)) problems.push('line repeating a point')
    }
  }
  if (feature.type === 3) {
    let exterior: ReturnType<typeof boxOf> | undefined
    for (const [i, ring] of geometry.entries()) {
      const shown = JSON.stringify(ring.map((p) => [p.x, p.y]))
      const area = twiceArea(ring)
      const [first, last] = [ring[0]!, ring.at(-1)!]
      if (ring.length < 4) problems.push(`ring of ${ring.length} points ${shown}`)
      if (distinct(ring) < 3) problems.push(`ring of ${distinct(ring)} distinct points ${shown}`)
      if (first.x !== last.x || first.y !== last.y) problems.push(`ring not closed ${shown}`)
      if (hasRepeat(ring)) problems.push(`ring repeating a point ${shown}`)
      if (area === 0) problems.push(`ring of zero area ${shown}`)
      if (area > 0) {
        seen.exteriors++
        exterior = boxOf(ring)
      }
      if (area < 0) {
        seen.holes++
        if (i === 0) problems.push(`first ring is a hole ${shown}`)
        const box = boxOf(ring)
        const inside =
          exterior !== undefined &&
          box[0] >= exterior[0] - HOLE_SLACK &&
          box[1] >= exterior[1] - HOLE_SLACK &&
          box[2] <= exterior[2] + HOLE_SLACK &&
          box[3] <= exterior[3] + HOLE_SLACK
        if (!inside) problems.push(`hole outside its exterior ${shown}`)
      }
    }
  }
  return problems
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`tile geometry ${backend.title}`, () => {
    let server: TestServer
    let layers: Layer[]
    beforeAll(async () => {
      server = await startTestServer(backend, 'sample')
      layers = await server.catalog.list()
    })
    afterAll(() => server?.close())

    // No vertex threshold makes every layer an in-memory index; a threshold of 0, a window query.
    it.each([
      ['an in-memory index', Infinity, 'index'],
      ['a window query per tile', 0, 'window'],
    ] as const)(
      'is valid by the specification in every sample tile cut from %s',
      async (_, indexMaxVertices, cutFrom) => {
        const cutter = new TileCutter(server.db, { indexMaxVertices, indexMaxTiles: 1e6 })
        const seen: Seen = { exteriors: 0, holes: 0, lines: 0, points: 0 }
        const problems: string[] = []
        for (const address of sweep()) {
          for (const layer of layers) {
            const bytes = await cutter.cut([layer], address)
            if (bytes.length === 0) continue
            const where = `${layer.name}/${address.z}/${address.x}/${address.y}`
            for (const feature of decodeTile(bytes)[layer.name]!.features) {
              for (const problem of problemsOf(feature, seen)) {
                problems.push(`${where} feature ${feature.id}: ${problem}`)
              }
            }
          }
        }
        expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([])
        expect(new Set(Object.values(await cutter.describe()))).toEqual(new Set([cutFrom]))
        // Every kind of geometry was checked, holes included.
        expect(seen.exteriors).toBeGreaterThan(1000)
        expect(seen.holes).toBeGreaterThan(10)
        expect(seen.lines).toBeGreaterThan(50)
        expect(seen.points).toBeGreaterThan(10)
      },
    )
  })
}
