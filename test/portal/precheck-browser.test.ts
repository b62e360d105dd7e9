import path from 'node:path'
import type { Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../portal/src/i18n/en.ts'
import { zh } from '../../portal/src/i18n/zh.ts'
import { writeShapefile, type Ring } from '../import/support/shapefile-writer.ts'
import { wgs84ToGcj02 } from '../import/support/web-map-datums.ts'
import { writeZip } from '../import/support/zip-writer.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { rectangleArea } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`pre-check browser tests ${SKIP_REASON}`)

/** What the test page reads from `window.ecozoningMap`, typed for the evaluate callbacks. */
type MapHandle = import('maplibre-gl').Map

const p = zh.precheck

// The fixture's district is 112.0–112.2°E × 27.0–27.1°N: the priority unit west of 112.1°E, the
// general unit south of 27.05°N east of it, the no-raising zone 112.11–112.14°E × 27.01–27.04°N
// and the Xiang River on the meridian 112.15°E (see test/fixtures/dataset/README.md).
const [WEST, SOUTH, EAST, NORTH] = [112.08, 27.02, 112.145, 27.03]
const UNIT_EDGE = 112.1
const PRIORITY = 'ZH43042110001'
const GENERAL = 'ZH43042130001'
const NO_RAISING = { west: 112.11, east: 112.14 }
const CORNERS: [number, number][] = [
  [WEST, SOUTH],
  [EAST, SOUTH],
  [EAST, NORTH],
  [WEST, NORTH],
]
const ring = (corners: [number, number][]) => [...corners, corners[0]!]

interface Answer {
  id: string
  verdict: string
  units: { code: string; share: number; overlap_m2: number }[]
  zones: { layer: string; share: number }[]
  rules: { code: string; dimension: string }[]
  site: { format: string; file?: string; crs: { code: string } }
}

interface Expected {
  share: number
  /** m² */
  area: number
}

interface Rectangle {
  west: number
  south: number
  east: number
  north: number
}

/**
 * On an ellipsoid of revolution a lon/lat rectangle's area is proportional to its span of
 * longitude, so the shares of two rectangles in one band of latitude are the ratio of spans.
 */
function expectedUnits({ west, south, east, north }: Rectangle): Record<string, Expected> {
  return {
    [PRIORITY]: {
      share: (UNIT_EDGE - west) / (east - west),
      area: rectangleArea(west, south, UNIT_EDGE, north),
    },
    [GENERAL]: {
      share: (east - UNIT_EDGE) / (east - west),
      area: rectangleArea(UNIT_EDGE, south, east, north),
    },
  }
}

/** A displayed number such as "2,199,079.44" as a number. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''))

const isCheckPost = (response: Response) =>
  response.url().endsWith('/api/admission-check') && response.request().method() === 'POST'

describe.skipIf(SKIP_REASON !== undefined)(
  `pre-check page in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: TestServer
    let browser: Browser
    // Gauss-Kruger corners of the site in zone 37 with the zone number in front (EPSG:4525),
    // computed by PostGIS (PROJ), not by the code under test.
    let gaussKruger: [number, number][]

    beforeAll(async () => {
      server = await startTestServer(BACKENDS[0]!, 'fixture', { buildPortal: true })
      browser = await launchChromium()
      gaussKruger = await Promise.all(
        CORNERS.map(async ([lon, lat]) => {
          const [row] = await server.db.query<{ x: number; y: number }>(
            `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT ST_Transform(
               ST_SetSRID(ST_MakePoint($1, $2), 4490), 4525) AS p) projected`,
            [lon, lat],
          )
          return [row!.x, row!.y] as [number, number]
        }),
      )
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    async function openPrecheck(width = 1280, height = 800, path = '/precheck/'): Promise<Page> {
      const page = await browser.context.newPage()
      await page.setViewportSize({ width, height })
      await page.goto(`${server.url}${path}`)
      const ready = page.locator('[data-map][data-map-ready="true"]')
      await ready.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
        const status = await page.locator('[data-map-status]').textContent()
        throw new Error(`the map never became ready; its status says "${status}"`, {
          cause: error,
        })
      })
      return page
    }

    /** Moves the map as a user would by dragging and zooming, and waits until it is drawn. */
    async function view(page: Page, bounds: [number, number, number, number]): Promise<void> {
      await page.evaluate(async (box) => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const idle = new Promise((resolve) => map.once('idle', resolve))
        map.fitBounds(box, { padding: 40, duration: 0 })
        map.triggerRepaint()
        await idle
      }, bounds)
    }

    /** Where on the page a position lies, in whole CSS pixels. */
    async function pagePoint(page: Page, lonLat: [number, number]) {
      const box = await page.locator('precheck-map .maplibregl-canvas').boundingBox()
      const point = await page.evaluate((position) => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const { x, y } = map.project(position)
        return { x, y }
      }, lonLat)
      return { x: Math.round(box!.x + point.x), y: Math.round(box!.y + point.y) }
    }

    /** Types into the industry box and picks the option with the code by the arrow keys. */
    async function chooseIndustry(page: Page, text: string, code: string): Promise<void> {
      const input = page.getByRole('combobox', { name: p.industryLabel })
      await input.fill(text)
      await page.locator(`[data-industry-list] [data-code="${code}"]`).waitFor()
      const codes = await page
        .locator('[data-industry-list] [role="option"]')
        .evaluateAll((options) => options.map((option) => option.getAttribute('data-code')))

      for (let i = 0; i <= codes.indexOf(code); i++) await input.press('ArrowDown')
      const active = await input.getAttribute('aria-activedescendant')
      expect(await page.locator(`#${active}`).getAttribute('data-code')).toBe(code)
      await input.press('Enter')
    }

    async function submit(page: Page): Promise<{ answer: Answer; sent: unknown }> {
      const [response] = await Promise.all([
        page.waitForResponse(isCheckPost),
        page.getByRole('button', { name: p.submit }).click(),
      ])
      const answer = (await response.json()) as Answer
      expect(response.status(), JSON.stringify(answer)).toBe(200)
      await page.locator(`precheck-result[data-check-id="${answer.id}"]`).waitFor()
      const request = response.request()
      const sent = request.headers()['content-type']?.startsWith('application/json')
        ? request.postDataJSON()
        : request.postDataBuffer()?.toString('utf8')
      return { answer, sent }
    }

    /** The verdict, units, zones and rules the page shows for the site rectangle. */
    async function expectSiteAnswer(page: Page, answer: Answer, site: Rectangle) {
      expect(answer.verdict).toBe('forbidden')
      expect(await page.locator('precheck-result [data-field="verdict"]').textContent()).toBe(
        zh.check.verdict.forbidden,
      )
      // T08 forbids C2614 in the priority unit; T03 forbids C26 within 1 km of the river.
      const reasons = await page.locator('[data-slot="reasons"] li').allTextContents()
      expect(reasons.join()).toContain('T03')
      expect(reasons.join()).toContain('T08')

      const expected = expectedUnits(site)
      expect(answer.units.map((unit) => unit.code).sort()).toEqual([PRIORITY, GENERAL])
      expect(await page.locator('[data-slot="units"] tr').count()).toBe(2)
      for (const unit of answer.units) {
        const row = page.locator(`tr[data-unit="${unit.code}"]`)
        const share = await row.locator('[data-field="share"]').textContent()
        const overlap = numberIn(await row.locator('[data-field="overlap"]').textContent())

        expect(share).toBe(`${(unit.share * 100).toFixed(2)}%`)
        expect(Math.abs(unit.share - expected[unit.code]!.share)).toBeLessThan(1e-4)
        expect(overlap).toBe(unit.overlap_m2)
        // The authalic sphere is within about 0.2% of the ellipsoid.
        expect(Math.abs(overlap / expected[unit.code]!.area - 1)).toBeLessThan(0.005)
      }
      expect(await page.locator(`tr[data-unit="${PRIORITY}"]`).innerText()).toContain(
        zh.unitClass.priority,
      )
      expect(await page.locator(`tr[data-unit="${GENERAL}"]`).innerText()).toContain(
        zh.unitClass.general,
      )

      // The no-raising zone spans the site from south to north.
      const noRaising = answer.zones.find((zone) => zone.layer === 'no_raising_zones')
      const zoneShare = (NO_RAISING.east - NO_RAISING.west) / (site.east - site.west)
      expect(Math.abs(noRaising!.share - zoneShare)).toBeLessThan(1e-4)
      expect(await page.locator('[data-slot="zones"]').innerText()).toContain(
        `${(noRaising!.share * 100).toFixed(2)}%`,
      )

      const codesIn = (dimension: string) =>
        page
          .locator(`[data-dimension="${dimension}"] [data-rule]`)
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')))
      expect(await codesIn('spatial_layout')).toEqual(['T03', 'T08'])
      expect(await codesIn('risk_prevention')).toEqual(['T07'])
      expect(await page.locator('[data-report-link]').getAttribute('href')).toBe(
        `/check/?id=${answer.id}`,
      )
    }

    /** The checked site and the units it touches, as the map draws them. */
    async function renderedAnswer(page: Page) {
      return page.evaluate(async () => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        if (!map.loaded()) await new Promise((resolve) => map.once('idle', resolve))
        const touched = map.queryRenderedFeatures({ layers: ['precheck-touched-units'] })
        const site = map.queryRenderedFeatures({ layers: ['check-site-fill'] })
        return {
          units: [...new Set(touched.map((feature) => String(feature.properties.code)))].sort(),
          site: site.length,
        }
      })
    }

    it('checks a square drawn by clicks on the map', async () => {
      const page = await openPrecheck()
      await view(page, [112.07, 27.012, 112.155, 27.038])

      const [sw, se, ne, nw] = await Promise.all(CORNERS.map((corner) => pagePoint(page, corner)))
      // Corners on one row of pixels share a latitude and on one column a longitude, so the
      // drawn outline is a lon/lat rectangle however the pixels round.
      for (const point of [sw!, { x: se!.x, y: sw!.y }, { x: se!.x, y: ne!.y }]) {
        await page.mouse.click(point.x, point.y)
      }
      await page.mouse.click(sw!.x, nw!.y)
      const status = page.locator('[data-draw-status]')
      expect(await status.textContent()).toBe(p.drawReady(p.drawKinds.polygon, '4'))
      await page.mouse.click(sw!.x, sw!.y)
      expect(await status.textContent()).toBe(p.drawFinished(p.drawKinds.polygon, '4'))

      await chooseIndustry(page, '有机', 'C2614')
      const { answer, sent } = await submit(page)

      const geometry = (sent as { geometry: { type: string; coordinates: number[][][] } }).geometry
      expect(sent).toMatchObject({ industry: 'C2614', projectKind: 'new' })
      expect(geometry.type).toBe('Polygon')
      const drawn = geometry.coordinates[0]!
      const lons = drawn.map(([lon]) => lon!)
      const lats = drawn.map(([, lat]) => lat!)
      const site = {
        west: Math.min(...lons),
        east: Math.max(...lons),
        south: Math.min(...lats),
        north: Math.max(...lats),
      }
      expect(drawn).toHaveLength(5)
      expect(drawn[0]).toEqual(drawn[4])
      expect(new Set(lons).size).toBe(2)
      expect(new Set(lats).size).toBe(2)
      // Each corner lies within a pixel (here under 0.0002°) of where it was aimed.
      expect(Math.abs(site.west - WEST)).toBeLessThan(2e-4)
      expect(Math.abs(site.east - EAST)).toBeLessThan(2e-4)
      expect(Math.abs(site.south - SOUTH)).toBeLessThan(2e-4)
      expect(Math.abs(site.north - NORTH)).toBeLessThan(2e-4)

      await expectSiteAnswer(page, answer, site)
      await expect.poll(async () => (await renderedAnswer(page)).units).toEqual([PRIORITY, GENERAL])
      expect((await renderedAnswer(page)).site).toBeGreaterThan(0)
      await page.close()
    })

    it('draws from the keyboard with the centre button, and reads typed coordinates', async () => {
      const page = await openPrecheck()
      await view(page, [112.07, 27.012, 112.155, 27.038])
      const centre = page.getByRole('button', { name: p.drawCentre })
      for (const corner of CORNERS) {
        // Where a keyboard user would bring the crosshair with the arrow keys.
        await page.evaluate((lonLat) => {
          const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
          map.jumpTo({ center: lonLat })
        }, corner)
        await centre.press('Enter')
      }
      await page.getByRole('button', { name: p.drawFinish }).press('Enter')
      expect(await page.locator('[data-draw-status]').textContent()).toBe(
        p.drawFinished(p.drawKinds.polygon, '4'),
      )

      await chooseIndustry(page, 'C26', 'C2614')
      const drawn = await submit(page)
      const sent = (drawn.sent as { geometry: { coordinates: number[][][] } }).geometry
      for (const [lon, lat] of sent.coordinates[0]!) {
        const corner = CORNERS.find(([x, y]) => Math.hypot(x - lon!, y - lat!) < 1e-7)
        expect(corner, `${lon}, ${lat} is a corner`).toBeDefined()
      }
      const site = { west: WEST, south: SOUTH, east: EAST, north: NORTH }
      await expectSiteAnswer(page, drawn.answer, site)

      // The same corners typed as lines of longitude and latitude, which the script reads and
      // the text box, as the script words it, invites.
      await page.getByRole('radio', { name: p.siteModes.text }).check()
      const lines = CORNERS.map(([lon, lat]) => `${lon}, ${lat}`).join('\n')
      const box = page.getByRole('textbox', { name: p.textLabel })
      expect(await box.getAttribute('placeholder')).toBe(p.textExample)
      expect(await page.locator('#precheck-text-hint').textContent()).toBe(p.textHint)
      await box.fill(lines)
      const typed = await submit(page)
      expect(typed.sent).toContain(
        `POLYGON ((${ring(CORNERS)
          .map((c) => c.join(' '))
          .join(', ')}))`,
      )
      expect(typed.answer.site.format).toBe('wkt')
      await expectSiteAnswer(page, typed.answer, site)
      expect(typed.answer.units).toEqual(drawn.answer.units)
      await page.close()
    })

    it('checks the site uploaded as GeoJSON, KML in GCJ-02 and a zipped Shapefile', async () => {
      const page = await openPrecheck()
      await page.getByRole('radio', { name: p.siteModes.file }).check()
      await chooseIndustry(page, '2614', 'C2614')
      const site = { west: WEST, south: SOUTH, east: EAST, north: NORTH }

      const geojson = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: '项目用地' },
            geometry: { type: 'Polygon', coordinates: [ring(CORNERS)] },
          },
        ],
      }
      const gcj02 = ring(CORNERS.map(wgs84ToGcj02))
        .map(([lon, lat]) => `${lon},${lat},0`)
        .join(' ')
      const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>项目用地</name><Polygon>
<outerBoundaryIs><LinearRing><coordinates>${gcj02}</coordinates></LinearRing></outerBoundaryIs>
</Polygon></Placemark></kml>`
      // Shapefile outer rings run clockwise: south-west, north-west, north-east, south-east.
      const [sw, se, ne, nw] = gaussKruger
      const shapefile = writeShapefile({
        records: [
          {
            shape: { type: 'polygon', rings: [[sw!, nw!, ne!, se!, sw!] as Ring] },
            attributes: {},
          },
        ],
        fields: [{ name: 'NAME', type: 'C', length: 20 }],
        encoding: 'gbk',
      })
      const zip = writeZip([
        { name: 'parcel.shp', data: shapefile.shp },
        { name: 'parcel.shx', data: shapefile.shx },
        { name: 'parcel.dbf', data: shapefile.dbf },
      ])

      const uploads = [
        {
          name: 'site.geojson',
          buffer: Buffer.from(JSON.stringify(geojson)),
          choice: p.crsChoices.auto,
          format: 'geojson',
          crs: 'EPSG:4326',
        },
        {
          name: '项目用地.kml',
          buffer: Buffer.from(kml),
          choice: p.crsChoices.gcj02,
          format: 'kml',
          crs: 'gcj02',
        },
        {
          name: 'parcel.zip',
          buffer: zip,
          choice: p.crsChoices['gauss-kruger'],
          code: 'EPSG:4525',
          format: 'shapefile',
          crs: 'EPSG:4525',
        },
      ]
      for (const upload of uploads) {
        const { name, buffer } = upload
        await page.locator('#precheck-file').setInputFiles({ name, mimeType: 'text/plain', buffer })
        await page.getByLabel(p.crsLabel, { exact: true }).selectOption({ label: upload.choice })
        if (upload.code) await page.getByLabel(p.gaussKrugerLabel).fill(upload.code)

        // The browser keeps a body with a file from the request log, so the answer tells.
        const { answer } = await submit(page)
        expect(answer.site.file).toContain(name)
        expect(answer.site.format).toBe(upload.format)
        expect(answer.site.crs.code).toBe(upload.crs)
        expect(await page.locator('[data-field="site-format"]').textContent()).toContain(name)
        await expectSiteAnswer(page, answer, site)
      }
      await page.close()
    })

    it('asks for WKT without script, and checks the example it shows', async () => {
      for (const [prefix, q] of [
        ['', zh.precheck],
        ['/en', en.precheck],
      ] as const) {
        const page = await browser.context.newPage()
        const session = await browser.context.newCDPSession(page)
        await session.send('Emulation.setScriptExecutionDisabled', { value: true })
        await page.goto(`${server.url}${prefix}/precheck/`)
        // Playwright's text locators skip <noscript>, whose text shows here.
        const noScript = page.locator('precheck-form noscript p')
        expect([await noScript.textContent(), await noScript.isVisible()]).toEqual([
          q.noScript,
          true,
        ])
        expect(await page.locator('precheck-map [data-map-ready]').count()).toBe(0)

        // The form posts the text box as wkt, and says so: no lines of coordinates invited.
        const box = page.getByRole('textbox', { name: q.textNoScript.label })
        expect(await box.getAttribute('name')).toBe('wkt')
        expect(await page.locator('#precheck-text-hint').textContent()).toBe(q.textNoScript.hint)
        const example = await box.getAttribute('placeholder')
        expect(example).toBe(q.textNoScript.example)

        // The example is the test site, typed as shown; the browser shows the JSON answer.
        await box.fill(example!)
        await page.getByRole('textbox', { name: q.industryLabel }).fill('C2614')
        const [response] = await Promise.all([
          page.waitForResponse(isCheckPost),
          page.getByRole('button', { name: q.submit }).click(),
        ])
        const answer = (await response.json()) as Answer
        expect(response.status(), JSON.stringify(answer)).toBe(200)
        expect(answer.site.format).toBe('wkt')
        expect(answer.verdict).toBe('forbidden')
        expect(answer.units.map((unit) => unit.code).sort()).toEqual([PRIORITY, GENERAL])
        await page.waitForURL(`${server.url}/api/admission-check`)
        await page.close()
      }
    })

    it('finds an industry by name or code and picks it with the keyboard', async () => {
      const page = await openPrecheck()
      const input = page.getByRole('combobox', { name: p.industryLabel })
      const options = page.locator('[data-industry-list] [role="option"]')
      const expected = (await (
        await server.get(`/api/industries?${new URLSearchParams({ q: '化学', limit: '20' })}`)
      ).json()) as { industries: { code: string; name_zh: string; level: string }[] }
      const codes = expected.industries.map((industry) => industry.code)
      expect(codes).toEqual(expect.arrayContaining(['C26', 'C261', 'C2614']))

      await input.fill('化学')
      await expect.poll(() => options.count()).toBe(codes.length)
      expect(
        await options.evaluateAll((all) => all.map((o) => o.getAttribute('data-code'))),
      ).toEqual(codes)
      expect(await input.getAttribute('aria-expanded')).toBe('true')
      expect(await input.getAttribute('aria-controls')).toBe(
        await page.getByRole('listbox').getAttribute('id'),
      )

      const activeCode = async () => {
        const id = await input.getAttribute('aria-activedescendant')
        return id ? page.locator(`#${id}`).getAttribute('data-code') : undefined
      }
      await input.press('ArrowUp')
      expect(await activeCode()).toBe(codes.at(-1))
      await input.press('ArrowDown')
      expect(await activeCode()).toBe(codes[0])
      const target = codes.indexOf('C2614')
      for (let i = 0; i < target; i++) await input.press('ArrowDown')
      expect(await activeCode()).toBe('C2614')
      expect(await page.locator('[role="option"][aria-selected="true"]').count()).toBe(1)

      await input.press('Enter')
      const chosen = expected.industries[target]!
      expect(await input.inputValue()).toBe(`C2614 ${chosen.name_zh}`)
      expect(await input.getAttribute('aria-expanded')).toBe('false')
      expect(await page.locator('[data-industry-chosen]').textContent()).toBe(
        p.industryChosen('C2614', chosen.name_zh, p.industryLevels.class),
      )

      // Digits alone find the code; Escape closes the list, and then empties the field.
      await input.fill('4411')
      await page.locator('[data-industry-list] [data-code="D4411"]').waitFor()
      expect(await options.first().getAttribute('data-code')).toBe('D4411')
      await input.press('Escape')
      expect(await input.getAttribute('aria-expanded')).toBe('false')
      expect(await input.inputValue()).toBe('4411')
      await input.press('Escape')
      expect(await input.inputValue()).toBe('')
      await page.close()
    })

    it('shows what is wrong beside the field it is about', async () => {
      const page = await openPrecheck()
      const checks = () => browser.requests.filter((url) => url.endsWith('/api/admission-check'))
      const sentBefore = checks().length
      const industry = page.getByRole('combobox', { name: p.industryLabel })
      const describedBy = async (selector: string) =>
        (await page.locator(selector).getAttribute('aria-describedby'))?.split(' ') ?? []

      // Nothing drawn and no industry: the form says so without asking the server.
      await page.getByRole('button', { name: p.submit }).click()
      const summary = page.locator('[data-error-summary]')
      await summary.waitFor()
      expect(await summary.locator('li').allTextContents()).toEqual([
        p.problems['draw-empty'],
        p.problems['industry-missing'],
      ])
      expect(await industry.getAttribute('aria-invalid')).toBe('true')
      expect(await describedBy('#precheck-industry')).toContain('precheck-industry-error')
      expect(await page.locator('#precheck-industry-error').textContent()).toBe(
        p.problems['industry-missing'],
      )
      expect(await page.locator('#precheck-site-draw-error').textContent()).toBe(
        p.problems['draw-empty'],
      )
      expect(await describedBy('precheck-map .maplibregl-canvas')).toContain(
        'precheck-site-draw-error',
      )
      expect(checks().length).toBe(sentBefore)

      // Text that is no site, and a name typed but never picked: both are said at once.
      await page.getByRole('radio', { name: p.siteModes.text }).check()
      await page.getByRole('textbox', { name: p.textLabel }).fill('hello world')
      await industry.fill('zzzz')
      await page.getByRole('button', { name: p.submit }).click()
      await expect
        .poll(() => summary.locator('li').allTextContents())
        .toEqual([p.problems['text-unrecognised'], p.problems['industry-missing']])
      expect(checks().length).toBe(sentBefore)

      // A class the catalogue lacks, typed rather than chosen: the server refuses it.
      await page.getByRole('radio', { name: p.siteModes.text }).check()
      const corners = ring(CORNERS).map((c) => c.join(' '))
      await page.getByRole('textbox', { name: p.textLabel }).fill(`POLYGON((${corners.join(',')}))`)
      await industry.fill('C1311')
      const refusal = async () => {
        const [response] = await Promise.all([
          page.waitForResponse(isCheckPost),
          page.getByRole('button', { name: p.submit }).click(),
        ])
        const body = (await response.json()) as { error: { code: string; message: string } }
        return { status: response.status(), ...body.error }
      }
      const unknown = await refusal()
      expect([unknown.status, unknown.code]).toEqual([422, 'INDUSTRY_UNKNOWN'])
      const industryError = page.locator('#precheck-industry-error')
      await expect.poll(() => industryError.isVisible()).toBe(true)
      expect(await industryError.innerText()).toContain(p.errors.INDUSTRY_UNKNOWN)
      expect(await industryError.locator('[lang="en"]').textContent()).toBe(unknown.message)
      expect(await industry.getAttribute('aria-invalid')).toBe('true')
      expect(await page.locator('#precheck-site-text-error').isVisible()).toBe(false)
      expect(await page.locator('precheck-result').isVisible()).toBe(false)

      // A file of no format the server reads.
      await page.getByRole('radio', { name: p.siteModes.file }).check()
      await chooseIndustry(page, '有机', 'C2614')
      await page.locator('#precheck-file').setInputFiles({
        name: '选址.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('项目用地在衡阳县'),
      })
      const unreadable = await refusal()
      expect([unreadable.status, unreadable.code]).toEqual([422, 'FILE_UNRECOGNISED'])
      const fileError = page.locator('#precheck-site-file-error')
      await expect.poll(() => fileError.isVisible()).toBe(true)
      expect(await fileError.innerText()).toContain(p.errors.FILE_UNRECOGNISED)
      expect(await fileError.locator('[lang="en"]').textContent()).toBe(unreadable.message)
      expect(await page.locator('#precheck-file').getAttribute('aria-invalid')).toBe('true')
      expect(await describedBy('#precheck-file')).toContain('precheck-site-file-error')
      expect(await industry.getAttribute('aria-invalid')).toBeNull()
      expect(await industryError.isVisible()).toBe(false)

      // A Gauss-Kruger system without its code, then a site far outside the zoning.
      await page.getByRole('radio', { name: p.siteModes.text }).check()
      await page.getByLabel(p.crsLabel, { exact: true }).selectOption({
        label: p.crsChoices['gauss-kruger'],
      })
      await page.getByRole('button', { name: p.submit }).click()
      expect(await page.locator('#precheck-crs-error').textContent()).toBe(
        p.problems['gauss-kruger-missing'],
      )
      expect(await page.getByLabel(p.gaussKrugerLabel).getAttribute('aria-invalid')).toBe('true')

      await page.getByLabel(p.crsLabel, { exact: true }).selectOption({ label: p.crsChoices.auto })
      await page.getByRole('textbox', { name: p.textLabel }).fill('116.397, 39.909')
      const outside = await refusal()
      expect([outside.status, outside.code]).toEqual([422, 'OUTSIDE_COVERAGE'])
      const textError = page.locator('#precheck-site-text-error')
      await expect.poll(() => textError.isVisible()).toBe(true)
      expect(await textError.innerText()).toContain(p.errors.OUTSIDE_COVERAGE)
      expect(await describedBy('#precheck-text')).toContain('precheck-site-text-error')
      expect(await page.locator('#precheck-crs-error').isVisible()).toBe(false)
      await page.close()
    })

    for (const [language, t, prefix] of [
      ['Chinese', zh, ''],
      ['English', en, '/en'],
    ] as const) {
      it(`shows every problem the server finds at once, in ${language}`, async () => {
        const q = t.precheck
        const page = await openPrecheck(1280, 800, `${prefix}/precheck/`)
        const summary = page.locator('[data-error-summary]')
        const describedBy = async (selector: string) =>
          (await page.locator(selector).getAttribute('aria-describedby'))?.split(' ') ?? []
        const refusal = async () => {
          const [response] = await Promise.all([
            page.waitForResponse(isCheckPost),
            page.getByRole('button', { name: q.submit }).click(),
          ])
          type Problem = { code: string; message: string; field: string }
          const body = (await response.json()) as { error: Problem & { problems: Problem[] } }
          await expect.poll(() => summary.isVisible()).toBe(true)
          return { status: response.status(), problems: body.error.problems }
        }
        /** The summary's entries: the form's words, and the API's message under each. */
        const summaryEntries = async () =>
          summary.locator('li').evaluateAll((items) =>
            items.map((item) => {
              const detail = item.querySelector('[lang="en"]')?.textContent ?? ''
              const link = item.querySelector('a')?.textContent ?? item.textContent
              return [link, detail]
            }),
          )

        // Both pass the form's own checks: WKT that stops short, and a class the catalogue
        // lacks, typed rather than chosen.
        await page.getByRole('radio', { name: q.siteModes.text }).check()
        const text = 'POLYGON((112.08 27.02, 112.145 27.02, 112.145 27.03'
        await page.getByRole('textbox', { name: q.textLabel }).fill(text)
        const industry = page.getByRole('combobox', { name: q.industryLabel })
        await industry.fill('C1311')

        const wkt = 'wkt is not valid WKT: expected ")" but found the end of the text.'
        const unknown =
          'industry C1311 is not in the industry catalogue loaded here; ' +
          'GET /api/industries?q= searches it.'
        const first = await refusal()
        expect(first.status).toBe(422)
        expect(first.problems).toEqual([
          { code: 'WKT_INVALID', message: wkt, field: 'wkt' },
          { code: 'INDUSTRY_UNKNOWN', message: unknown, field: 'industry' },
        ])
        expect(
          await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')),
        ).toBe(true)
        expect(await summaryEntries()).toEqual([
          [q.errors.WKT_INVALID, wkt],
          [q.errors.INDUSTRY_UNKNOWN, unknown],
        ])
        const beside = [
          ['precheck-site-text-error', q.errors.WKT_INVALID, wkt, '#precheck-text'],
          ['precheck-industry-error', q.errors.INDUSTRY_UNKNOWN, unknown, '#precheck-industry'],
        ] as const
        for (const [id, words, detail, target] of beside) {
          const slot = page.locator(`#${id}`)
          expect(await slot.isVisible(), id).toBe(true)
          expect(await slot.locator('.message').count(), id).toBe(1)
          expect(await slot.innerText()).toContain(words)
          expect(await slot.locator('[lang="en"]').textContent()).toBe(detail)
          expect(await page.locator(target).getAttribute('aria-invalid')).toBe('true')
          expect(await describedBy(target)).toContain(id)
        }
        expect(await page.locator('#precheck-crs-error').isVisible()).toBe(false)
        expect(await page.locator('precheck-result').isVisible()).toBe(false)
        await page.screenshot({
          path: path.join(ARTIFACTS, `precheck-problems-${prefix ? 'en' : 'zh'}-1280.png`),
          fullPage: true,
        })

        // A link of the summary takes the focus to the field it names.
        await summary.getByRole('link', { name: q.errors.INDUSTRY_UNKNOWN }).click()
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('precheck-industry')

        // A zone code no system has: the site, read in it, waits, and the crs is listed.
        await page.getByLabel(q.crsLabel, { exact: true }).selectOption({
          label: q.crsChoices['gauss-kruger'],
        })
        await page.getByLabel(q.gaussKrugerLabel).fill('4999')
        const second = await refusal()
        expect(second.status).toBe(422)
        expect(second.problems.map((problem) => [problem.code, problem.field])).toEqual([
          ['CRS_UNSUPPORTED', 'crs'],
          ['INDUSTRY_UNKNOWN', 'industry'],
        ])
        expect(second.problems[0]!.message).toMatch(/^crs must be EPSG:4326 .*; got "4999"\.$/)
        expect((await summaryEntries()).map(([words]) => words)).toEqual([
          q.errors.CRS_UNSUPPORTED,
          q.errors.INDUSTRY_UNKNOWN,
        ])
        const crsError = page.locator('#precheck-crs-error')
        expect(await crsError.isVisible()).toBe(true)
        expect(await crsError.innerText()).toContain(q.errors.CRS_UNSUPPORTED)
        expect(await page.getByLabel(q.gaussKrugerLabel).getAttribute('aria-invalid')).toBe('true')
        expect(await page.locator('#precheck-industry-error .message').count()).toBe(1)
        expect(await page.locator('#precheck-site-text-error').isVisible()).toBe(false)
        expect(await page.locator('#precheck-text').getAttribute('aria-invalid')).toBeNull()
        await page.close()
      })
    }

    it('is in the navigation and fits 360 px and 1280 px screens', async () => {
      for (const width of [360, 1280]) {
        const page = await openPrecheck(width, width === 360 ? 740 : 800)
        const link = page.getByRole('navigation').getByRole('link', { name: zh.nav.precheck })
        expect(await link.getAttribute('aria-current')).toBe('page')

        await page.getByRole('radio', { name: p.siteModes.text }).check()
        const lines = CORNERS.map(([lon, lat]) => `${lon}, ${lat}`).join('\n')
        await page.getByRole('textbox', { name: p.textLabel }).fill(lines)
        await chooseIndustry(page, '有机', 'C2614')
        await submit(page)
        await expect
          .poll(async () => (await renderedAnswer(page)).units)
          .toEqual([PRIORITY, GENERAL])

        const overflow = await page.evaluate(() => {
          const { scrollWidth, clientWidth, scrollHeight, clientHeight } = document.documentElement
          return { sideways: scrollWidth - clientWidth, down: scrollHeight - clientHeight }
        })
        expect(overflow.sideways, `at ${width} px`).toBeLessThanOrEqual(0)
        // On a wide screen the page fills the window: only its side column scrolls.
        if (width === 1280) expect(overflow.down).toBeLessThanOrEqual(0)
        // On a wide screen the page fills the window and the side column scrolls, to the
        // answer once it comes; on a phone the page is one column.
        await page.screenshot({
          path: path.join(ARTIFACTS, `precheck-${width}.png`),
          fullPage: width === 360,
        })
        await page.close()
      }
    })

    it('loads nothing from outside the server and throws no script errors', () => {
      const origin = new URL(server.url).origin
      const fetched = browser.requests.filter((url) => url.startsWith('http'))
      const outside = fetched.filter((url) => new URL(url).origin !== origin)

      expect(fetched.some((url) => url.endsWith('.mvt'))).toBe(true)
      expect(fetched.some((url) => url.includes('/api/industries?'))).toBe(true)
      expect(outside).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  },
)
