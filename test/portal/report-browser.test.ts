import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../portal/src/i18n/en.ts'
import { zh } from '../../portal/src/i18n/zh.ts'
import { wgs84ToGcj02 } from '../import/support/web-map-datums.ts'
import { jpegWith } from '../reports/support/photo-files.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`report browser tests ${SKIP_REASON}`)

type MapHandle = import('maplibre-gl').Map

const f = zh.reportForm
const r = zh.reportTrack

interface Feature<P> {
  properties: P
  geometry: { type: 'Polygon'; coordinates: [number, number][][] }
}
type UnitProps = { code: string; name: string; class: string; district_adcode: number }
const read = <P>(name: string) =>
  (
    JSON.parse(readFileSync(path.join(FIXTURE_DATASET, name), 'utf8')) as {
      features: Feature<P>[]
    }
  ).features
const UNITS = read<UnitProps>('control_units.geojson')
const DISTRICTS = read<{ adcode: number; name: string }>('districts.geojson')

/** Whether a point is inside a ring, by counting the edges a ray eastwards crosses. */
function inRing([x, y]: [number, number], ring: [number, number][]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The fixture unit a WGS84 point lies in, from the fixture's own geometry. */
function unitAt(point: [number, number]): UnitProps | undefined {
  return UNITS.find((unit) => inRing(point, unit.geometry.coordinates[0]!))?.properties
}

/** The middle of a unit's outline, well inside the fixture's rectangular units. */
function middleOf(code: string): [number, number] {
  const ring = UNITS.find((unit) => unit.properties.code === code)!.geometry.coordinates[0]!
  const lons = ring.map(([lon]) => lon)
  const lats = ring.map(([, lat]) => lat)
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2]
}

interface View {
  trackingCode: string
  category: string
  status: string
  unit: { code: string; name: string; class: string } | null
  district: { adcode: number; name: string } | null
  deadlines: { acceptBy: string; closeBy: string | null }
  history: { status: string }[]
}

const isReportPost = (response: Response) =>
  response.url().endsWith('/api/reports') && response.request().method() === 'POST'

describe.skipIf(SKIP_REASON !== undefined)(
  `report pages in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: TestServer
    let browser: Browser
    let filed: View | undefined

    beforeAll(async () => {
      server = await startTestServer(BACKENDS[0]!, 'fixture', {
        buildPortal: true,
        reportsPerHour: 1000,
      })
      browser = await launchChromium()
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    async function openForm(width = 1280, height = 800, path = '/report/new/'): Promise<Page> {
      const page = await browser.context.newPage()
      await page.setViewportSize({ width, height })
      await page.goto(`${server.url}${path}`)
      await page.locator('[data-map][data-map-ready="true"]').waitFor({ timeout: 60_000 })
      return page
    }

    async function pagePoint(page: Page, lonLat: [number, number]) {
      const box = await page.locator('report-map .maplibregl-canvas').boundingBox()
      const point = await page.evaluate((position) => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const { x, y } = map.project(position)
        return { x, y }
      }, lonLat)
      return { x: Math.round(box!.x + point.x), y: Math.round(box!.y + point.y) }
    }

    async function view(page: Page, bounds: [number, number, number, number]): Promise<void> {
      await page.evaluate(async (box) => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const idle = new Promise((resolve) => map.once('idle', resolve))
        map.fitBounds(box, { padding: 20, duration: 0 })
        map.triggerRepaint()
        await idle
      }, bounds)
    }

    async function submit(page: Page, button = f.submit) {
      const [response] = await Promise.all([
        page.waitForResponse(isReportPost),
        page.getByRole('button', { name: button }).click(),
      ])
      return response
    }

    const describedBy = async (page: Page, selector: string) =>
      (await page.locator(selector).getAttribute('aria-describedby'))?.split(' ') ?? []

    it('shows what is missing or wrong beside each field', async () => {
      const page = await openForm()
      const posts = () => browser.requests.filter((url) => url.endsWith('/api/reports')).length
      const before = posts()

      await page.getByRole('button', { name: f.submit }).click()
      const summary = page.locator('[data-error-summary]')
      await summary.waitFor()
      expect(
        await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')),
      ).toBe(true)
      expect(await summary.locator('li').allTextContents()).toEqual([
        f.problems['category-missing'],
        f.problems['place-missing'],
        f.problems['description-missing'],
      ])
      for (const [id, problem, target] of [
        ['report-category-error', 'category-missing', '[data-categories]'],
        ['report-place-error', 'place-missing', '#report-place'],
        ['report-description-error', 'description-missing', '#report-description'],
      ] as const) {
        expect(await page.locator(`#${id}`).textContent()).toBe(f.problems[problem])
        expect(await page.locator(target).getAttribute('aria-invalid')).toBe('true')
        expect(await describedBy(page, target)).toContain(id)
      }
      // The observation time starts as now on the clock in China.
      const observed = await page.locator('#report-observed').inputValue()
      const chinaNow = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16)
      expect(Math.abs(Date.parse(chinaNow) - Date.parse(observed))).toBeLessThanOrEqual(120_000)

      // A summary link takes the focus to its field.
      await summary.getByRole('link', { name: f.problems['description-missing'] }).click()
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-description')

      // 2,001 characters: the counter and the field say so, and nothing is sent.
      await page.getByRole('radio', { name: f.categories.air }).check()
      await page.getByLabel(f.placeLabel).fill('112.15, 27.075')
      await page.getByLabel(f.descriptionLabel).fill('烟'.repeat(2001))
      expect(await page.locator('[data-description-count]').textContent()).toBe(
        f.descriptionOver('2,001', '2,000'),
      )
      await page.getByRole('button', { name: f.submit }).click()
      expect(await summary.locator('li').allTextContents()).toEqual([
        f.problems['description-too-long'],
      ])
      expect(await page.locator('#report-description-error').textContent()).toBe(
        f.problems['description-too-long'],
      )
      expect(await page.locator('#report-place').getAttribute('aria-invalid')).toBeNull()
      expect(await page.locator('#report-category-error').isVisible()).toBe(false)
      expect(posts()).toBe(before)

      // A place far outside the zoning: the server refuses it, beside the place.
      await page.getByLabel(f.descriptionLabel).fill('工厂烟囱冒黑烟。')
      expect(await page.locator('[data-description-count]').textContent()).toBe(
        f.descriptionCount('8', '2,000'),
      )
      await page.getByLabel(f.placeLabel).fill('116.397, 39.909')
      const response = await submit(page)
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect([response.status(), body.error.code]).toEqual([422, 'OUTSIDE_COVERAGE'])
      const placeError = page.locator('#report-place-error')
      await expect.poll(() => placeError.isVisible()).toBe(true)
      expect(await placeError.innerText()).toContain(f.errors.OUTSIDE_COVERAGE)
      expect(await placeError.locator('[lang="en"]').textContent()).toBe(body.error.message)
      expect(await page.locator('#report-place').getAttribute('aria-invalid')).toBe('true')
      expect(await describedBy(page, '#report-place')).toContain('report-place-error')
      expect(await page.locator('#report-description-error').isVisible()).toBe(false)
      expect(await page.locator('report-receipt').isVisible()).toBe(false)
      await page.close()
    })

    it('keeps a typed place beyond the poles off the map, and the server names it', async () => {
      const page = await openForm(1280, 800)
      const errorsBefore = browser.pageErrors.length
      await page.getByRole('radio', { name: f.categories.air }).check()
      await page.getByLabel(f.placeLabel).fill('112.6, 95')
      await page.getByLabel(f.descriptionLabel).fill('烟囱冒黑烟。')
      const response = await submit(page)
      const body = (await response.json()) as { error: { code: string; field: string } }
      expect([response.status(), body.error.code, body.error.field]).toEqual([
        400,
        'COORDINATE_OUT_OF_RANGE',
        'location.lat',
      ])
      await expect.poll(() => page.locator('#report-place-error').isVisible()).toBe(true)
      // The map throws on a latitude past 90° when asked to show it.
      expect(browser.pageErrors.slice(errorsBefore)).toEqual([])
      await page.close()
    })

    /** The summary's items without the server's words after them, links or not. */
    const summaryTexts = (page: Page) =>
      page
        .locator('[data-error-summary] li')
        .evaluateAll((items) => items.map((item) => item.firstChild?.textContent))

    interface Refused {
      error: { code: string; problems: { code: string; message: string; field: string }[] }
    }

    for (const [language, t, prefix] of [
      ['Chinese', zh, ''],
      ['English', en, '/en'],
    ] as const) {
      it(`shows every problem the server finds at once, in ${language}`, async () => {
        const g = t.reportForm
        const page = await openForm(1280, 800, `${prefix}/report/new/`)
        // All of these pass the form's own checks and only the server refuses them.
        await page.getByRole('radio', { name: g.categories.air }).check()
        await page.getByLabel(g.placeLabel).fill('200, 27.075')
        await page.locator('#report-observed').fill('2020-01-01T08:00')
        await page.getByLabel(g.descriptionLabel).fill('烟囱冒黑烟。')
        await page.locator('#report-contact-phone').fill('call me')
        await page.locator('#report-contact-email').fill('li.example.cn')

        const response = await submit(page, g.submit)
        const body = (await response.json()) as Refused
        expect(response.status()).toBe(400)
        expect(body.error.problems.map((problem) => [problem.code, problem.field])).toEqual([
          ['COORDINATE_OUT_OF_RANGE', 'location.lon'],
          ['OBSERVED_AT_TOO_OLD', 'observedAt'],
          ['CONTACT_INVALID', 'contact.phone'],
          ['CONTACT_INVALID', 'contact.email'],
        ])

        const summary = page.locator('[data-error-summary]')
        await expect.poll(() => summary.isVisible()).toBe(true)
        expect(
          await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')),
        ).toBe(true)
        expect(await summaryTexts(page)).toEqual([
          g.errors.COORDINATE_OUT_OF_RANGE,
          g.errors.OBSERVED_AT_TOO_OLD,
          g.contactInvalid.contactPhone,
          g.contactInvalid.contactEmail,
        ])
        expect(await summary.locator('li [lang="en"]').allTextContents()).toEqual(
          body.error.problems.map((problem) => problem.message),
        )
        const beside = [
          ['report-place-error', g.errors.COORDINATE_OUT_OF_RANGE, '#report-place'],
          ['report-observed-error', g.errors.OBSERVED_AT_TOO_OLD, '#report-observed'],
          ['report-contact-phone-error', g.contactInvalid.contactPhone, '#report-contact-phone'],
          ['report-contact-email-error', g.contactInvalid.contactEmail, '#report-contact-email'],
        ] as const
        for (const [i, [id, text, target]] of beside.entries()) {
          const slot = page.locator(`#${id}`)
          expect(await slot.isVisible(), id).toBe(true)
          expect(await slot.innerText()).toContain(text)
          expect(await slot.locator('[lang="en"]').textContent()).toBe(
            body.error.problems[i]!.message,
          )
          expect(await page.locator(target).getAttribute('aria-invalid')).toBe('true')
          expect(await describedBy(page, target)).toContain(id)
        }
        expect(await page.locator('#report-category-error').isVisible()).toBe(false)
        expect(await page.locator('#report-description-error').isVisible()).toBe(false)
        await page.screenshot({
          path: path.join(ARTIFACTS, `report-problems-${prefix ? 'en' : 'zh'}-1280.png`),
          fullPage: true,
        })

        // A link of the summary takes the focus to the field it names.
        await summary.getByRole('link', { name: g.contactInvalid.contactEmail }).click()
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-contact-email')

        // Two put right: the next answer lists the other two, and only they stay marked.
        await page.getByLabel(g.placeLabel).fill('112.15, 27.075')
        await page.locator('#report-contact-phone').fill('0734-1234567')
        const again = await submit(page, g.submit)
        const second = (await again.json()) as Refused
        expect(again.status()).toBe(400)
        expect(second.error.code).toBe('OBSERVED_AT_TOO_OLD')
        await expect
          .poll(() => summaryTexts(page))
          .toEqual([g.errors.OBSERVED_AT_TOO_OLD, g.contactInvalid.contactEmail])
        expect(await page.locator('#report-place-error').isVisible()).toBe(false)
        expect(await page.locator('#report-place').getAttribute('aria-invalid')).toBeNull()
        expect(await page.locator('#report-contact-phone-error').isVisible()).toBe(false)
        expect(await page.locator('#report-contact-email').getAttribute('aria-invalid')).toBe(
          'true',
        )
        expect(await page.locator('report-receipt').isVisible()).toBe(false)
        await page.close()
      })
    }

    it('files a report placed by a map click, with a photo, and shows its receipt', async () => {
      const target = middleOf('ZH43042120001')
      const expected = unitAt(target)!
      const district = DISTRICTS.find((d) => d.properties.adcode === expected.district_adcode)!
      expect(expected.code).toBe('ZH43042120001')

      const page = await openForm()
      await view(page, [target[0] - 0.01, target[1] - 0.01, target[0] + 0.01, target[1] + 0.01])
      const point = await pagePoint(page, target)
      await page.mouse.click(point.x, point.y)
      const typed = (await page.getByLabel(f.placeLabel).inputValue()).split(',').map(Number)
      // A pixel at this zoom is a few metres; the field holds what the click hit.
      expect(Math.abs(typed[0]! - target[0])).toBeLessThan(1e-4)
      expect(Math.abs(typed[1]! - target[1])).toBeLessThan(1e-4)
      expect(await page.getByLabel(f.datumLabel).inputValue()).toBe('EPSG:4326')

      await page.getByRole('radio', { name: f.categories.water }).check()
      await page.getByLabel(f.descriptionLabel).fill('排污口排出黑色污水，有刺鼻气味。')
      await page.getByLabel(f.contactPhone).fill('0734-1234567')
      await page.getByLabel(f.photosLabel).setInputFiles({
        name: '排污口.jpg',
        mimeType: 'image/jpeg',
        buffer: jpegWith(),
      })
      expect(await page.locator('[data-photo-list] li').allTextContents()).toEqual([
        f.photoChosen('排污口.jpg', (jpegWith().length / 1024).toFixed(1)),
      ])

      const response = await submit(page)
      const answer = (await response.json()) as View
      expect(response.status(), JSON.stringify(answer)).toBe(201)
      expect(response.request().headers()['content-type']).toMatch(/^multipart\/form-data/)
      filed = answer

      const receipt = page.locator('report-receipt')
      await receipt.waitFor()
      expect(await page.locator('report-form').isVisible()).toBe(false)
      expect(await receipt.locator('[data-code]').textContent()).toBe(answer.trackingCode)
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        zh.reportReceipt.heading,
      )
      expect(await receipt.innerText()).toContain(zh.reportReceipt.keep)
      expect(await receipt.locator('[data-field="unit"]').textContent()).toBe(
        r.unitValue(expected.name, expected.code, zh.unitClass.key),
      )
      expect(await receipt.locator('[data-field="district"]').textContent()).toBe(
        r.districtValue(district.properties.name),
      )
      expect(await receipt.locator('[data-field="category"]').textContent()).toBe(
        f.categories.water,
      )
      const link = receipt.getByRole('link', { name: zh.reportReceipt.trackLink })
      expect(await link.getAttribute('href')).toBe(
        `/report/track/?code=${encodeURIComponent(answer.trackingCode)}`,
      )
      expect(
        await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
      ).toEqual([0, 0, ''])

      // The page's address is now the report's: the language switch and a reload keep the code.
      const track = `/report/track/?code=${encodeURIComponent(answer.trackingCode)}`
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(track)
      const otherLanguage = page.locator('a[data-language-switch]')
      await otherLanguage.focus()
      expect(await otherLanguage.getAttribute('href')).toBe(`/en${track}`)

      // What the server holds, read apart from the pages.
      const stored = (await (
        await server.get(`/api/reports/${answer.trackingCode}`)
      ).json()) as View
      expect(stored.category).toBe('water')
      expect(stored.unit?.code).toBe(expected.code)
      expect(stored.district?.adcode).toBe(expected.district_adcode)
      const [row] = await server.db.query<{
        category: string
        unit_code: string
        district_adcode: number
        lon: number
        lat: number
        photos: number
        contact: { phone?: string }
      }>(
        `SELECT category, unit_code, district_adcode, ST_X(location) AS lon, ST_Y(location) AS lat,
           contact, (SELECT count(*)::int FROM report_photos p WHERE p.report_id = r.id) AS photos
         FROM reports r WHERE tracking_code = $1`,
        [answer.trackingCode],
      )
      expect(row).toMatchObject({
        category: 'water',
        unit_code: expected.code,
        district_adcode: expected.district_adcode,
        photos: 1,
        contact: { phone: '0734-1234567' },
      })
      expect(Math.abs(row!.lon - target[0])).toBeLessThan(1e-4)
      expect(Math.abs(row!.lat - target[1])).toBeLessThan(1e-4)

      await page.screenshot({
        path: path.join(ARTIFACTS, 'report-receipt-1280.png'),
        fullPage: true,
      })
      await link.click()
      await page.waitForURL(/\/report\/track\//)
      await page.locator('[data-result]:not([hidden])').waitFor()
      expect(await page.getByLabel(r.codeLabel).inputValue()).toBe(answer.trackingCode)
      expect(await page.locator('[data-field="status"]').innerText()).toContain(r.statuses.received)
      await page.close()
    })

    it('files a report at a place pasted in GCJ-02, from the keyboard', async () => {
      // West of the priority unit's edge; the GCJ-02 pair read as WGS84 lies east of it.
      const target: [number, number] = [112.098, 27.03]
      const gcj = wgs84ToGcj02(target)
      const expected = unitAt(target)!
      expect(unitAt(gcj)?.code).not.toBe(expected.code)

      const page = await openForm()
      await page.getByRole('radio', { name: f.categories.noise }).check()
      const place = page.getByLabel(f.placeLabel)
      await place.focus()
      await page.keyboard.type(`${gcj[0].toFixed(6)}, ${gcj[1].toFixed(6)}`)
      await page.keyboard.press('Tab')
      await page.getByLabel(f.datumLabel).selectOption('gcj02')
      await page.getByLabel(f.descriptionLabel).fill('夜间施工噪声。')
      await page.getByLabel(f.descriptionLabel).focus()
      const [response] = await Promise.all([
        page.waitForResponse(isReportPost),
        page.getByRole('button', { name: f.submit }).press('Enter'),
      ])
      expect(response.status()).toBe(201)
      const sent = response.request().postDataJSON() as { location: unknown }
      expect(sent.location).toEqual({
        lon: Number(gcj[0].toFixed(6)),
        lat: Number(gcj[1].toFixed(6)),
        crs: 'gcj02',
      })
      const answer = (await response.json()) as View
      expect(answer.unit?.code).toBe(expected.code)
      const [row] = await server.db.query<{ lon: number; lat: number; unit_code: string }>(
        `SELECT ST_X(location) AS lon, ST_Y(location) AS lat, unit_code FROM reports
         WHERE tracking_code = $1`,
        [answer.trackingCode],
      )
      expect(row!.unit_code).toBe(expected.code)
      // Six decimals of the pasted pair, about 0.1 m, then the inverse to 1e-6°.
      expect(Math.abs(row!.lon - target[0])).toBeLessThan(1e-5)
      expect(Math.abs(row!.lat - target[1])).toBeLessThan(1e-5)
      await page.locator('report-receipt [data-code]').waitFor()
      await page.close()
    })

    it('says a report lost on the way was not sent, asks for no correction, keeps it', async () => {
      const page = await openForm()
      await page.getByRole('radio', { name: f.categories.noise }).check()
      await page.getByLabel(f.placeLabel).fill('112.15, 27.03')
      await page.getByLabel(f.descriptionLabel).fill('夜间施工噪声。')
      // The connection fails: the browser gets no answer at all.
      await page.route('**/api/reports', (route) => route.abort('connectionfailed'))
      await page.getByRole('button', { name: f.submit }).click()
      const summary = page.locator('[data-error-summary]')
      await summary.waitFor()
      expect(await summary.locator('[data-error-heading]').textContent()).toBe(f.notSentSummary)
      expect(await summary.locator('li').allTextContents()).toEqual([f.errorNetwork])
      expect(await page.getByLabel(f.descriptionLabel).inputValue()).toBe('夜间施工噪声。')

      // Sent again, it goes; a refusal after it asks for corrections again.
      await page.unroute('**/api/reports')
      await page.getByLabel(f.placeLabel).fill('100, 30')
      const [refused] = await Promise.all([
        page.waitForResponse(isReportPost),
        page.getByRole('button', { name: f.submit }).click(),
      ])
      expect(refused.status()).toBe(422)
      await expect
        .poll(() => summary.locator('[data-error-heading]').textContent())
        .toBe(f.errorSummary)
      await page.close()
    })

    it('looks a report up by its code in any case and explains bad codes', async () => {
      expect(filed).toBeDefined()
      const page = await browser.context.newPage()
      await page.goto(`${server.url}/report/track/`)
      const input = page.getByLabel(r.codeLabel)
      const error = page.locator('#track-code-error')
      const lookUp = async (code: string) => {
        await input.fill(code)
        const [response] = await Promise.all([
          page.waitForResponse((res) => res.url().includes('/api/reports/')),
          page.getByRole('button', { name: r.submit }).click(),
        ])
        return response
      }

      const bad = await lookUp('ABC-123')
      expect(bad.status()).toBe(400)
      await expect.poll(() => error.isVisible()).toBe(true)
      expect(await error.innerText()).toContain(f.errors.TRACKING_CODE_INVALID)
      expect(await input.getAttribute('aria-invalid')).toBe('true')
      expect(await input.getAttribute('aria-describedby')).toContain('track-code-error')

      const unknownCode = filed!.trackingCode.startsWith('00000') ? '11111' : '00000'
      const unknown = await lookUp(`${unknownCode}${filed!.trackingCode.slice(5)}`)
      expect(unknown.status()).toBe(404)
      await expect.poll(() => error.innerText()).toContain(f.errors.REPORT_NOT_FOUND)
      expect(await page.locator('[data-result]').isVisible()).toBe(false)

      const typed = filed!.trackingCode.replaceAll('-', '').toLowerCase()
      const found = await lookUp(typed)
      expect(found.status()).toBe(200)
      await page.locator('[data-result]:not([hidden])').waitFor()
      expect(await error.isVisible()).toBe(false)
      expect(await input.getAttribute('aria-invalid')).toBeNull()
      expect(new URL(page.url()).searchParams.get('code')).toBe(typed)
      const view = (await found.json()) as View
      expect(await page.locator('[data-result-heading]').textContent()).toBe(
        r.resultHeading(filed!.trackingCode),
      )
      expect(await page.locator('[data-field="unit"]').textContent()).toContain(view.unit!.code)
      expect(await page.locator('[data-field="district"]').textContent()).toBe(
        r.districtValue(view.district!.name),
      )
      expect(await page.locator('[data-field="close-by"]').textContent()).toBe(r.closeByPending)
      expect(
        await page
          .locator('[data-history] li')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-status'))),
      ).toEqual(view.history.map((event) => event.status))
      const link = page.getByRole('navigation').getByRole('link', { name: zh.nav.track })
      expect(await link.getAttribute('aria-current')).toBe('page')
      await page.close()
    })

    it('shows no form it cannot send without script, and says why', async () => {
      const page = await browser.context.newPage()
      const session = await browser.context.newCDPSession(page)
      await session.send('Emulation.setScriptExecutionDisabled', { value: true })
      for (const [path, noScript] of [
        ['/report/new/', f.noScript],
        ['/report/track/', r.noScript],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        // Sent as it is, a form would only reload the page with what was typed in the address.
        expect(await page.locator('main form').count(), path).toBeGreaterThan(0)
        for (const form of await page.locator('main form').all()) {
          expect(await form.isVisible(), path).toBe(false)
        }
        expect(await page.locator('main noscript').first().textContent(), path).toContain(noScript)
      }
      await page.close()
    })

    it('fits 360 px and 1280 px screens and loads the map only on the form', async () => {
      for (const width of [360, 1280]) {
        const form = await openForm(width, width === 360 ? 740 : 800)
        const track = await browser.context.newPage()
        await track.setViewportSize({ width, height: 800 })
        const info = await browser.context.newPage()
        await info.setViewportSize({ width, height: 800 })
        await info.goto(`${server.url}/report/`)
        const onlineLink = info.getByRole('link', { name: zh.report.onlineForm })
        expect(await onlineLink.getAttribute('href')).toBe('/report/new/')

        const trackRequests: string[] = []
        track.on('request', (request) => trackRequests.push(request.url()))
        await track.goto(`${server.url}/report/track/?code=${filed!.trackingCode}`)
        await track.locator('[data-result]:not([hidden])').waitFor()
        expect(trackRequests.some((url) => /maplibre|\.mvt|tiles/.test(url))).toBe(false)

        for (const [name, page] of [
          ['new', form],
          ['track', track],
          ['info', info],
        ] as const) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          )
          expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0)
          await page.screenshot({
            path: path.join(ARTIFACTS, `report-${name}-${width}.png`),
            fullPage: true,
          })
          await page.close()
        }
      }
    })

    it('loads nothing from outside the server and throws no script errors', () => {
      const origin = new URL(server.url).origin
      const fetched = browser.requests.filter((url) => url.startsWith('http'))
      const outside = fetched.filter((url) => new URL(url).origin !== origin)

      expect(fetched.some((url) => url.endsWith('.mvt'))).toBe(true)
      expect(outside).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  },
)
