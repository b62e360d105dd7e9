import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { BACKENDS } from '../support/services.ts'
import { startMapSite, type MapSite } from './support/map-site.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`style browser tests ${SKIP_REASON}`)

type MapHandle = import('maplibre-gl').Map

/** What each page of the map site gets before its own script runs (see newMapPage). */
interface MapPage {
  /**
   * Opens `style` in a map on the page's #map, settled: its tiles loaded and drawn. `idle`
   * settles it again after a move; both reject on any error the map reports.
   */
  openMap(style: string): Promise<{ map: MapHandle; idle(): Promise<void>; labels: string[] }>
}

/** Runs in the page: the browser's maplibre-gl, loaded by the site's script tag. */
function defineOpenMap() {
  const page = window as unknown as MapPage & { maplibregl: typeof import('maplibre-gl') }
  page.openMap = async (style) => {
    const map = new page.maplibregl.Map({ container: 'map', style })
    const idle = () =>
      new Promise<void>((resolve, reject) => {
        map.once('idle', () => resolve())
        map.on('error', (event) => reject(new Error(String(event.error?.message))))
      })
    await idle()
    const labels = map
      .getStyle()
      .layers.filter((layer) => layer.type === 'symbol')
      .map((layer) => layer.id)
    return { map, idle, labels }
  }
}

/** maplibre-gl as published on npm, on a site of its own. */
async function startMaplibreSite(): Promise<MapSite> {
  const bundle = await readFile(createRequire(import.meta.url).resolve('maplibre-gl'))
  return startMapSite({ '/maplibre-gl.js': bundle }, '<script src="/maplibre-gl.js"></script>')
}

describe.skipIf(SKIP_REASON !== undefined)(
  `/styles/zoning.json in maplibre-gl on another site${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: TestServer
    let site: MapSite
    let browser: Browser

    beforeAll(async () => {
      ;[server, site, browser] = await Promise.all([
        startTestServer(BACKENDS[0]!, 'fixture'),
        startMaplibreSite(),
        launchChromium(),
      ])
    })
    /** A new page of the map site on which `openMap` is defined. */
    async function newMapPage() {
      const page = await browser.context.newPage()
      await page.addInitScript(defineOpenMap)
      await page.goto(site.origin)
      return page
    }

    afterAll(async () => {
      await browser?.close()
      site?.server.close()
      await server?.close()
    })

    it('draws the control units from the composite tiles, one tile request per tile', async () => {
      const page = await newMapPage()
      const drawn = await page.evaluate(async (styleUrl) => {
        const { map } = await (window as unknown as MapPage).openMap(styleUrl)
        const fills = map
          .getStyle()
          .layers.filter((layer) => layer.id.startsWith('control_units-fill-'))
          .map((layer) => layer.id)
        const units = map.queryRenderedFeatures({ layers: fills })
        return [...new Set(units.map((feature) => String(feature.properties.code)))]
      }, `${server.url}/styles/zoning.json`)

      // Each one drawn is a unit the server knows.
      expect(drawn.length).toBeGreaterThan(0)
      for (const code of drawn) {
        expect((await server.get(`/api/units/${code}`)).status, code).toBe(200)
      }

      const tileRequests = browser.requests.filter((url) => url.startsWith(`${server.url}/tiles`))
      expect(tileRequests.length).toBeGreaterThan(1)
      for (const url of tileRequests) {
        expect(url).toMatch(/\/tiles\/zoning(\.json|\/\d+\/\d+\/\d+\.mvt)$/)
      }
      expect(browser.pageErrors).toEqual([])
      await page.close()
    })

    it('writes names of units, districts and rivers in Chinese, with no glyph server', async () => {
      const before = browser.requests.length
      const page = await newMapPage()
      const named = await page.evaluate(async (styleUrl) => {
        const { map, idle, labels } = await (window as unknown as MapPage).openMap(styleUrl)
        const names = async (zoom: number) => {
          map.jumpTo({ zoom })
          await idle()
          return map.queryRenderedFeatures({ layers: labels }).map((feature) => ({
            zoom,
            layer: String(feature.sourceLayer).replace(/_label$/, ''),
            name: String(feature.properties.name ?? feature.properties.reserve_name),
          }))
        }
        return [...(await names(9)), ...(await names(11))]
      }, `${server.url}/styles/zoning.json`)
      await page.screenshot({ path: path.join(ARTIFACTS, 'style-labels.png') })

      // Only placed names are found: each was drawn, from fonts on this machine.
      const layers = new Set(named.map((label) => label.layer))
      for (const layer of ['districts', 'control_units', 'rivers']) expect(layers).toContain(layer)
      // Each area named once at a zoom, though it spans several tiles.
      for (const zoom of [9, 11]) {
        const areas = named.filter((label) => label.zoom === zoom && label.layer !== 'rivers')
        const names = areas.map((label) => `${label.layer} ${label.name}`)
        expect(names.length, `z${zoom}`).toBeGreaterThan(0)
        expect(new Set(names).size, names.join(', ')).toBe(names.length)
      }
      for (const { name } of named) expect(name).toMatch(/^[\p{Script=Han}\p{N}、（）]+$/u)
      // Every unit named is one the search finds by that name.
      const units = named.filter((label) => label.layer === 'control_units')
      for (const { name } of units.slice(0, 5)) {
        const found = (await (
          await server.get(`/api/search?q=${encodeURIComponent(name)}`)
        ).json()) as { hits: { kind: string; name: string }[] }
        expect(found.hits.filter((hit) => hit.kind === 'unit').map((hit) => hit.name)).toContain(
          name,
        )
      }
      // Close enough, every unit of the fixture is named, those around a park included: the
      // park's name sits where the unit's would, and the unit's makes way.
      const { hits } = (await (
        await server.get(`/api/search?q=${encodeURIComponent('单元')}&limit=20`)
      ).json()) as { hits: { kind: string; name: string }[] }
      const fixtureUnits = hits.filter((hit) => hit.kind === 'unit').map((hit) => hit.name)
      expect(fixtureUnits.length).toBeGreaterThan(1)
      const unitsAt11 = named.filter((l) => l.zoom === 11 && l.layer === 'control_units')
      expect(unitsAt11.map((label) => label.name).sort()).toEqual(fixtureUnits.sort())
      const asked = browser.requests
        .slice(before)
        .filter((url) => !url.startsWith(site.origin) && !url.startsWith('blob:'))
      for (const url of asked) expect(url).toMatch(/\/(tiles\/zoning|styles\/zoning)[./]/)
      expect(browser.pageErrors).toEqual([])
      await page.close()
    })

    it('names the unit in view close up, where its label point is off screen', async () => {
      // A unit of the fixture and a point inside it near a corner, a tenth of its size in.
      const units = JSON.parse(
        await readFile(path.join(FIXTURE_DATASET, 'control_units.geojson'), 'utf8'),
      ) as { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] }
      const unit = units.features[0]!
      const ring = unit.geometry.coordinates[0]!
      const [west, east] = [
        Math.min(...ring.map((p) => p[0]!)),
        Math.max(...ring.map((p) => p[0]!)),
      ]
      const [south, north] = [
        Math.min(...ring.map((p) => p[1]!)),
        Math.max(...ring.map((p) => p[1]!)),
      ]
      const near: [number, number] = [west + (east - west) / 10, north - (north - south) / 10]

      const page = await newMapPage()
      const seen = await page.evaluate(
        async ({ styleUrl, center }) => {
          const { map, idle, labels } = await (window as unknown as MapPage).openMap(styleUrl)
          const view = async (zoom: number) => {
            map.jumpTo({ center, zoom })
            await idle()
            const { width, height } = map.getCanvas().getBoundingClientRect()
            const pointsOnScreen = map
              .querySourceFeatures('zoning', { sourceLayer: 'control_units_label' })
              .filter((feature) => {
                const [lon, lat] = (feature.geometry as import('geojson').Point).coordinates
                const { x, y } = map.project([lon!, lat!])
                return x >= 0 && y >= 0 && x <= width && y <= height
              }).length
            const names = map
              .queryRenderedFeatures({ layers: labels })
              .filter((feature) => String(feature.sourceLayer).startsWith('control_units'))
              .map((feature) => String(feature.properties.name))
            return { zoom, pointsOnScreen, names }
          }
          return [await view(13), await view(14)]
        },
        { styleUrl: `${server.url}/styles/zoning.json`, center: near },
      )
      await page.screenshot({ path: path.join(ARTIFACTS, 'style-labels-close.png') })

      for (const { zoom, pointsOnScreen, names } of seen) {
        // No unit's label point is in view, so the name comes from the unit's area.
        expect(pointsOnScreen, `z${zoom}`).toBe(0)
        expect(names, `z${zoom}`).toContain(unit.properties.name)
      }
      expect(browser.pageErrors).toEqual([])
      await page.close()
    })
  },
)
