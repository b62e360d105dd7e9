import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Color, featureFilter, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS } from '../support/chromium.ts'
import { BACKENDS } from '../support/services.ts'
import { paintOf } from './support/style-paint.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

/** Debian's QGIS Python bindings (python3-qgis), run by the system's Python. */
const PYTHON = '/usr/bin/python3'
const QGIS_BINDINGS = '/usr/lib/python3/dist-packages/qgis/core/__init__.py'
const SKIP_REASON = existsSync(QGIS_BINDINGS)
  ? undefined
  : `skipped: no QGIS bindings at ${QGIS_BINDINGS}; install Debian's python3-qgis to run it`
if (SKIP_REASON) console.warn(`QGIS style tests ${SKIP_REASON}`)

const SCRIPT = path.resolve(import.meta.dirname, 'support/qgis-open-style.py')

interface QgisResult {
  valid: boolean
  styleLoaded: boolean
  styleMessage: string
  warnings: string[]
  rendererStyles: number
  labelingStyles: number
  expressions: string[]
  labels: string[]
  errors: string[]
  colours: { colour: string; pixels: number }[]
  /** The colour of the pixel at each point asked for. */
  probes: { at: [number, number]; colour: string }[]
}

describe.skipIf(SKIP_REASON !== undefined)(
  `/styles/zoning.json in QGIS${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 180_000 },
  () => {
    let server: TestServer
    let style: StyleSpecification
    let close: QgisResult
    let far: QgisResult
    let facilities: Facility[]
    beforeAll(async () => {
      server = await startTestServer(BACKENDS[0]!, 'fixture')
      style = (await (await server.get('/styles/zoning.json')).json()) as StyleSpecification
      const catalogue = (await (await server.get('/tiles')).json()) as {
        layers: { bounds?: [number, number, number, number] }[]
      }
      const boxes = catalogue.layers.flatMap((layer) => (layer.bounds ? [layer.bounds] : []))
      const box = [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ]
      // The data's box, where units are named; and four times as wide, where districts are.
      const [west, south, east, north] = box as [number, number, number, number]
      const [dx, dy] = [(east - west) * 1.5, (north - south) * 1.5]
      facilities = JSON.parse(
        await readFile(path.join(FIXTURE_DATASET, 'facilities.geojson'), 'utf8'),
      ).features
      const points = facilities.map((facility) => facility.geometry.coordinates)
      ;[close, far] = await Promise.all([
        openInQgis(server.url, box, 'style-qgis.png', points),
        openInQgis(
          server.url,
          [west - dx, south - dy, east + dx, north + dy],
          'style-qgis-far.png',
        ),
      ])
    })
    afterAll(() => server?.close())

    it('opens the composite tiles with the style URL, converting every layer unwarned', () => {
      for (const result of [close, far]) {
        expect(result).toMatchObject({ valid: true, styleLoaded: true, warnings: [], errors: [] })
        const symbols = style.layers.filter((layer) => layer.type === 'symbol')
        expect(result.rendererStyles).toBe(style.layers.length - symbols.length)
        expect(result.labelingStyles).toBe(symbols.length)
      }
      // A value matched that QGIS did not read leaves an empty list, and every feature falls
      // to the default: the facilities' kinds once drew in one colour.
      expect(close.expressions.length).toBeGreaterThan(0)
      for (const expression of close.expressions) expect(expression).not.toMatch(/IN \(\s*\)/)
    })

    it("draws each facility in its kind's colour, as maplibre reads the style", () => {
      expect(facilities.length).toBeGreaterThan(0)
      for (const facility of facilities) {
        const feature = { type: 1, properties: facility.properties }
        const circles = style.layers.filter(
          (layer) =>
            layer.type === 'circle' &&
            layer['source-layer'] === 'facilities' &&
            featureFilter(layer.filter).filter({ zoom: 12 }, feature as never),
        )
        expect(circles.length, facility.properties.kind).toBe(1)
        const painted = paintOf(circles[0]!, 'circle-color', feature)[12] as string
        const expected = Color.parse(painted)!
          .rgb.slice(0, 3)
          .map((channel) => Math.round(channel * 255))
        const probe = close.probes.find(
          (p) =>
            p.at[0] === facility.geometry.coordinates[0] &&
            p.at[1] === facility.geometry.coordinates[1],
        )
        expect(probe, facility.properties.name).toBeDefined()
        const drawn = Color.parse(probe!.colour)!.rgb.slice(0, 3)
        const off = drawn.map((channel, i) => Math.abs(Math.round(channel * 255) - expected[i]!))
        expect(
          Math.max(...off),
          `${facility.properties.kind}: ${probe!.colour}`,
        ).toBeLessThanOrEqual(3)
      }
    })

    it('draws each unit class in its colour, blended as the style says', () => {
      const background = Color.parse(
        (style.layers[0] as { paint: { 'background-color': string } }).paint['background-color'],
      )!
      for (const unitClass of ['priority', 'key', 'general']) {
        const layer = style.layers.find((l) => l.id === `control_units-fill-${unitClass}`)
        const fill = Color.parse(
          (layer as { paint: { 'fill-color': string } }).paint['fill-color'],
        )!
        const [r, g, b, alpha] = fill.rgb
        const blended = [r, g, b].map((channel, i) =>
          Math.round(255 * (alpha * channel! + (1 - alpha) * background.rgb[i]!)),
        )
        const drawn = close.colours.filter(({ colour }) => {
          const { rgb } = Color.parse(colour)!
          return blended.every((channel, i) => Math.abs(channel - 255 * rgb[i]!) <= 3)
        })
        expect(
          drawn.reduce((sum, { pixels }) => sum + pixels, 0),
          unitClass,
        ).toBeGreaterThan(20)
      }
    })

    it('writes the names of districts and units in Chinese', async () => {
      const { districts } = (await (await server.get('/api/districts')).json()) as {
        districts: { name: string }[]
      }
      const { hits } = (await (
        await server.get(`/api/search?q=${encodeURIComponent('单元')}&limit=20`)
      ).json()) as { hits: { kind: string; name: string }[] }
      const units = hits.filter((hit) => hit.kind === 'unit').map((hit) => hit.name)

      const named = (result: QgisResult, names: string[]) =>
        expect(
          result.labels.some((label) => names.includes(label)),
          result.labels.join(', '),
        ).toBe(true)
      named(close, units)
      named(
        far,
        districts.map((district) => district.name),
      )
      for (const label of [...close.labels, ...far.labels]) expect(label).toMatch(/\p{Script=Han}/u)
    })
  },
)

/** A facility of the fixture dataset. */
interface Facility {
  properties: { kind: string; name: string }
  geometry: { coordinates: [number, number] }
}

/**
 * Draws `box` (WGS84 degrees) from the server's tiles and style in QGIS, into the test
 * artifacts. QGIS keeps its profile, and a cache of what it fetched, under HOME: each run gets
 * a fresh one, so no tile or style of an earlier run is drawn.
 */
async function openInQgis(
  url: string,
  box: number[],
  png: string,
  probes: [number, number][] = [],
): Promise<QgisResult> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const home = mkdtempSync(path.join(tmpdir(), 'ecozoning-qgis-'))
  try {
    const { stdout } = await promisify(execFile)(
      PYTHON,
      [SCRIPT, url, path.join(ARTIFACTS, png), ...box.map(String), ...probes.map(String)],
      {
        env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: home, QT_QPA_PLATFORM: 'offscreen' },
        timeout: 150_000,
      },
    )
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as QgisResult
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}
