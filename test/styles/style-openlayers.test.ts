import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { FeatureCollection, Polygon } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { BACKENDS } from '../support/services.ts'
import { startMapSite, type MapSite } from './support/map-site.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`OpenLayers browser tests ${SKIP_REASON}`)

type OpenLayers = typeof import('ol/dist/ol.js').default
type Olms = typeof import('ol-mapbox-style')

/** A point well inside a control unit of the fixture, and that unit's code and class. */
interface UnitPoint {
  code: string
  class: string
  lonLat: [number, number]
}

type Box = [number, number, number, number]

/** The positions of a GeoJSON geometry's coordinates, at any depth of nesting. */
function positions(coordinates: unknown): number[][] {
  const array = coordinates as unknown[]
  return typeof array[0] === 'number' ? [array as number[]] : array.flatMap(positions)
}

function boxOf(coordinates: unknown): Box {
  const points = positions(coordinates)
  const xs = points.map((point) => point[0]!)
  const ys = points.map((point) => point[1]!)
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/**
 * Reads the fixture's files directly: for each control unit (an axis-aligned rectangle there),
 * the first point of a 0.005° grid that lies 0.01° or more inside it and 0.01° or more away from
 * the box of every other feature of the dataset, so that no overlay, river or point covers it.
 */
async function unitPoints(): Promise<UnitPoint[]> {
  const read = async (layer: string) =>
    JSON.parse(
      await readFile(path.join(FIXTURE_DATASET, `${layer}.geojson`), 'utf8'),
    ) as FeatureCollection
  const units = (await read('control_units')) as FeatureCollection<Polygon>
  const others: Box[] = []
  // Districts are left out: the units fill them, and only their outlines are drawn.
  for (const layer of [
    'facilities',
    'industrial_parks',
    'nature_reserve_zones',
    'no_raising_zones',
    'rivers',
    'water_source_zones',
  ]) {
    for (const feature of (await read(layer)).features) {
      others.push(boxOf((feature.geometry as { coordinates: unknown }).coordinates))
    }
  }
  const margin = 0.01
  const away = ([x, y]: [number, number], [x0, y0, x1, y1]: Box) =>
    x < x0 - margin || x > x1 + margin || y < y0 - margin || y > y1 + margin
  return units.features.map((unit) => {
    const [x0, y0, x1, y1] = boxOf(unit.geometry.coordinates)
    for (let x = x0 + margin; x <= x1 - margin + 1e-9; x += 0.005) {
      for (let y = y0 + margin; y <= y1 - margin + 1e-9; y += 0.005) {
        const lonLat: [number, number] = [x, y]
        if (others.every((box) => away(lonLat, box))) {
          return {
            code: String(unit.properties!.code),
            class: String(unit.properties!.class),
            lonLat,
          }
        }
      }
    }
    throw new Error(`no clear point in unit ${String(unit.properties!.code)}`)
  })
}

/** `#rrggbb` or `rgba(r, g, b, a)` as red, green, blue (0–255) and alpha (0–1). */
function parseColour(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour)
  if (hex) return [...hex.slice(1).map((part) => parseInt(part, 16)), 1]
  const rgba = /^rgba\(([\d.]+), *([\d.]+), *([\d.]+), *([\d.]+)\)$/.exec(colour)
  if (rgba) return rgba.slice(1).map(Number)
  throw new Error(`not a colour this test reads: ${colour}`)
}

/**
 * OpenLayers and ol-mapbox-style as published on npm, each as its plain browser bundle (globals
 * `ol` and `olms`), on a site of their own.
 */
async function startOpenLayersSite(): Promise<MapSite> {
  const require = createRequire(import.meta.url)
  const files: Record<string, Buffer> = {
    '/ol.js': await readFile(require.resolve('ol/dist/ol.js')),
    '/olms.js': await readFile(require.resolve('ol-mapbox-style')),
    '/ol.css': await readFile(require.resolve('ol/ol.css')),
  }
  return startMapSite(
    files,
    '<link rel="stylesheet" href="/ol.css"><script src="/ol.js"></script>' +
      '<script src="/olms.js"></script>',
  )
}

describe.skipIf(SKIP_REASON !== undefined)(
  `the tiles and /styles/zoning.json in OpenLayers on another site${
    SKIP_REASON ? ` (${SKIP_REASON})` : ''
  }`,
  { timeout: 120_000 },
  () => {
    let server: TestServer
    let site: MapSite
    let browser: Browser
    let points: UnitPoint[]

    beforeAll(async () => {
      ;[server, site, browser, points] = await Promise.all([
        startTestServer(BACKENDS[0]!, 'fixture'),
        startOpenLayersSite(),
        launchChromium(),
        unitPoints(),
      ])
    })
    afterAll(async () => {
      await browser?.close()
      site?.server.close()
      await server?.close()
    })

    it('finds each unit at its place in a VectorTile layer of the TileJSON template', async () => {
      expect(points.length).toBe(3)
      const page = await browser.context.newPage()
      const before = browser.requests.length
      await page.goto(site.origin)
      const found = await page.evaluate(
        async ({ tileJsonUrl, points }) => {
          const ol = (window as unknown as { ol: OpenLayers }).ol
          const tileJson = (await (await fetch(tileJsonUrl)).json()) as {
            tiles: string[]
            minzoom: number
            maxzoom: number
          }
          const layer = new ol.layer.VectorTile({
            source: new ol.source.VectorTile({
              format: new ol.format.MVT(),
              url: tileJson.tiles[0],
              minZoom: tileJson.minzoom,
              maxZoom: tileJson.maxzoom,
            }),
          })
          const lons = points.map((point) => point.lonLat[0])
          const lats = points.map((point) => point.lonLat[1])
          const map = new ol.Map({
            target: 'map',
            layers: [layer],
            view: new ol.View({
              center: ol.proj.fromLonLat([
                (Math.min(...lons) + Math.max(...lons)) / 2,
                (Math.min(...lats) + Math.max(...lats)) / 2,
              ]),
              zoom: 11,
            }),
          })
          await new Promise<void>((resolve, reject) => {
            map.once('rendercomplete', () => resolve())
            layer.getSource()!.on('tileloaderror', () => reject(new Error('tile load error')))
          })
          return points.map((point) => {
            const pixel = map.getPixelFromCoordinate(ol.proj.fromLonLat(point.lonLat))
            const units = map
              .getFeaturesAtPixel(pixel, { hitTolerance: 0 })
              .filter((feature) => feature.get('layer') === 'control_units')
            return units.map((feature) => ({ code: feature.get('code'), id: feature.getId() }))
          })
        },
        { tileJsonUrl: `${server.url}/tiles/zoning.json`, points },
      )

      // Exactly the fixture's unit at each point, a unit the server knows, with a numeric id.
      expect(found.map((units) => units.map((unit) => unit.code))).toEqual(
        points.map((point) => [point.code]),
      )
      for (const point of points) {
        expect((await server.get(`/api/units/${point.code}`)).status, point.code).toBe(200)
      }
      const ids = found.map((units) => units[0]!.id)
      for (const id of ids) expect(Number.isInteger(id), String(id)).toBe(true)
      expect(new Set(ids).size).toBe(3)

      // The tiles came from the template, and nothing from anywhere else.
      const asked = browser.requests.slice(before)
      const tiles = asked.filter((url) => url.startsWith(`${server.url}/tiles/zoning/`))
      expect(tiles.length).toBeGreaterThan(0)
      for (const url of tiles) expect(url).toMatch(/\/tiles\/zoning\/\d+\/\d+\/\d+\.mvt$/)
      for (const url of asked) {
        if (url.startsWith(site.origin)) continue
        expect(url.startsWith(server.url), url).toBe(true)
        expect(url).toMatch(/\/tiles\/zoning(\.json|\/\d+\/\d+\/\d+\.mvt)$/)
      }
      expect(browser.pageErrors).toEqual([])
      await page.close()
    })

    it('draws /styles/zoning.json with ol-mapbox-style, from the two sites only', async () => {
      const style = (await (await server.get('/styles/zoning.json')).json()) as {
        layers: { id: string; type: string; paint?: Record<string, unknown> }[]
      }
      const paint = (id: string, property: string) =>
        String(style.layers.find((layer) => layer.id === id)?.paint?.[property])
      const background = parseColour(paint('background', 'background-color'))
      // What a unit's interior looks like: its class's fill laid over the background.
      const expected = points.map((point) => {
        const fill = parseColour(paint(`control_units-fill-${point.class}`, 'fill-color'))
        return [0, 1, 2].map((i) => fill[i]! * fill[3]! + background[i]! * (1 - fill[3]!))
      })

      const page = await browser.context.newPage()
      const before = browser.requests.length
      await page.goto(site.origin)
      const found = await page.evaluate(
        async ({ styleUrl, points }) => {
          const { ol, olms } = window as unknown as { ol: OpenLayers; olms: Olms }
          const map = new ol.Map({ target: 'map' })
          // As is: the style's metadata keeps ol-mapbox-style from asking a CDN for web fonts.
          await olms.apply(map, styleUrl)
          await new Promise<void>((resolve) => map.once('rendercomplete', () => resolve()))
          // It asks for the fonts once the document's own fonts are ready.
          await document.fonts.ready
          await new Promise((resolve) => setTimeout(resolve, 250))
          return points.map((point) => {
            const pixel = map.getPixelFromCoordinate(ol.proj.fromLonLat(point.lonLat))
            const codes = map
              .getFeaturesAtPixel(pixel, { hitTolerance: 0 })
              // ol-mapbox-style's MVT format keeps the source layer in `mvt:layer`.
              .filter((feature) => feature.get('mvt:layer') === 'control_units')
              .map((feature) => feature.get('code') as unknown)
            return { codes, pixel: pixel.map(Math.round) }
          })
        },
        {
          styleUrl: `${server.url}/styles/zoning.json`,
          points,
        },
      )
      const shot = await page.locator('#map').screenshot()
      await page.screenshot({ path: path.join(ARTIFACTS, 'style-openlayers.png') })
      // The colours as they reached the screen, background and all layers together.
      const drawn = await page.evaluate(
        async ({ png, pixels }) => {
          const bytes = Uint8Array.from(atob(png), (char) => char.charCodeAt(0))
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
          const context = canvas.getContext('2d')!
          context.drawImage(bitmap, 0, 0)
          return pixels.map(([x, y]) => [...context.getImageData(x!, y!, 1, 1).data])
        },
        { png: shot.toString('base64'), pixels: found.map((place) => place.pixel) },
      )

      // The style opens on the data: each unit is found at its place.
      expect(found.map((place) => place.codes)).toEqual(points.map((point) => [point.code]))
      // Each unit is filled in its class's colour, as translucent over the background.
      drawn.forEach((rgba, i) => {
        for (const channel of [0, 1, 2]) {
          expect(Math.abs(rgba[channel]! - expected[i]![channel]!), points[i]!.code).toBeLessThan(3)
        }
      })

      // Style, TileJSON and tiles from the server, everything else from the map's own site.
      const asked = browser.requests.slice(before)
      expect(asked.filter((url) => url.startsWith(`${server.url}/tiles/zoning/`))).not.toEqual([])
      for (const url of asked) {
        if (url.startsWith(site.origin) || url.startsWith(`blob:${site.origin}/`)) continue
        // The style's empty web font stylesheet, which is no request to anyone.
        if (url === 'data:text/css,') continue
        expect(url.startsWith(server.url), url).toBe(true)
        expect(url).toMatch(/\/(styles\/zoning\.json|tiles\/zoning(\.json|\/\d+\/\d+\/\d+\.mvt))$/)
      }
      expect(browser.pageErrors).toEqual([])
      await page.close()
    })
  },
)
