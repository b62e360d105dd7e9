import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../portal/src/i18n/en.ts'
import { zh } from '../../portal/src/i18n/zh.ts'
import { revokeStaff } from '../../server/staff/staff-store.ts'
import { pngWith } from '../reports/support/photo-files.ts'
import { postReportForm, reportAt } from '../reports/support/report-requests.ts'
import { tokenFor } from '../staff/support/staff-client.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`staff browser tests ${SKIP_REASON}`)

type MapHandle = import('maplibre-gl').Map

const s = zh.staff
const r = zh.reportTrack

/** A description that would run script if the page put it in as HTML. */
const HOSTILE =
  '<img src=x onerror="window.__injected = true">夜间偷排<script>window.__injected = true</script>'
const CONTACT = { name: '钱七', phone: '13900003333' }
const NOISE: [number, number] = [112.173, 27.031]
const WATER: [number, number] = [112.03, 27.03]

const isMe = (url: string) => url.endsWith('/api/staff/me')

describe.skipIf(SKIP_REASON !== undefined)(
  `bureau page in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: TestServer
    let browser: Browser
    let officer: string
    const codes: Record<string, string> = {}
    /** Every staff API request of the pages, with the Authorization header it carried. */
    const staffRequests: { url: string; authorization: string | undefined }[] = []

    beforeAll(async () => {
      server = await startTestServer(BACKENDS[0]!, 'fixture', {
        buildPortal: true,
        reportsPerHour: 1000,
      })
      officer = await tokenFor(server.db, 'officer', '办理员甲')
      const noise = await server.postJson(
        '/api/reports',
        reportAt(...NOISE, { category: 'noise', description: HOSTILE, contact: CONTACT }),
      )
      codes.noise = ((await noise.json()) as { trackingCode: string }).trackingCode
      const water = await postReportForm(server, reportAt(...WATER, { category: 'water' }), [
        { name: 'a.png', type: 'image/png', bytes: pngWith() },
      ])
      codes.water = ((await water.json()) as { trackingCode: string }).trackingCode
      const late = await server.postJson(
        '/api/reports',
        reportAt(112.15, 27.08, { category: 'air' }),
      )
      codes.late = ((await late.json()) as { trackingCode: string }).trackingCode
      // Received 16 days ago and never accepted: overdue.
      await server.db.query(
        `UPDATE reports SET received_at = now() - interval '16 days' WHERE tracking_code = $1`,
        [codes.late],
      )

      browser = await launchChromium()
      browser.context.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/staff/')) {
          staffRequests.push({ url: request.url(), authorization: request.headers().authorization })
        }
      })
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    async function openPage(width = 1280, height = 800, prefix = ''): Promise<Page> {
      const page = await browser.context.newPage()
      await page.setViewportSize({ width, height })
      await page.goto(`${server.url}${prefix}/staff/`)
      return page
    }

    async function signIn(page: Page, token: string, table = s): Promise<void> {
      await page.getByLabel(table.tokenLabel).fill(token)
      await Promise.all([
        page.waitForResponse((response) => isMe(response.url())),
        page.getByRole('button', { name: table.signIn }).click(),
      ])
      await page.locator('[data-workspace]:not([hidden])').waitFor()
      await page.locator(`[data-report-list] li[data-code="${codes.noise}"]`).waitFor()
    }

    const listItem = (page: Page, code: string) =>
      page.locator(`[data-report-list] li[data-code="${code}"]`)

    it('says what is wrong with a token and asks for it again', async () => {
      const page = await openPage()
      const field = page.getByLabel(s.tokenLabel)
      const error = page.locator('#staff-token-error')
      expect(await page.locator('[data-workspace]').isVisible()).toBe(false)

      await page.getByRole('button', { name: s.signIn }).click()
      expect(await error.textContent()).toBe(s.problems['token-missing'])

      const before = staffRequests.length
      await field.fill('not a token')
      await page.getByRole('button', { name: s.signIn }).click()
      expect(await error.textContent()).toBe(s.problems['token-shape'])
      expect(staffRequests.length).toBe(before)

      // The right shape, but no such token: the API's refusal, beside the field.
      await field.fill(`ezs_${'Q'.repeat(43)}`)
      const [answer] = await Promise.all([
        page.waitForResponse((response) => isMe(response.url())),
        page.getByRole('button', { name: s.signIn }).click(),
      ])
      expect(answer.status()).toBe(401)
      await expect.poll(() => error.innerText()).toContain(s.tokenErrors.STAFF_TOKEN_INVALID)
      expect(await field.getAttribute('aria-invalid')).toBe('true')
      expect(await field.getAttribute('aria-describedby')).toContain('staff-token-error')
      expect(await page.locator('[data-workspace]').isVisible()).toBe(false)
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
      expect(await page.getByLabel(s.tokenLabel).isVisible()).toBe(true)
      await page.close()
    })

    it('signs in, lists the reports with their flags, moves one received → accepted', async () => {
      const page = await openPage()
      await signIn(page, officer)
      expect(await page.locator('[data-who]').textContent()).toBe(
        s.signedInAs('办理员甲', s.roles.officer),
      )
      for (const code of Object.values(codes)) expect(await listItem(page, code).count()).toBe(1)
      expect(await page.locator('[data-list-count]').textContent()).toBe(s.listCount('3', '3'))
      expect(await listItem(page, codes.late!).locator('.badge.overdue').textContent()).toBe(
        s.overdue.acceptance,
      )
      expect(await listItem(page, codes.noise!).locator('.badge.overdue').count()).toBe(0)
      expect(await listItem(page, codes.water!).locator('.badge.priority').textContent()).toBe(
        s.priorities.urgent,
      )
      // The token is kept for this tab only, and sent only as a header.
      expect(
        await page.evaluate(() => [sessionStorage.length, localStorage.length, document.cookie]),
      ).toEqual([1, 0, ''])

      await listItem(page, codes.noise!).getByRole('button').click()
      const detail = page.locator('staff-detail')
      await detail.locator('[data-detail-heading]').filter({ hasText: codes.noise! }).waitFor()
      expect(await detail.locator('[data-field="status"]').textContent()).toBe(r.statuses.received)
      expect(await detail.locator('[data-field="contact-phone"]').textContent()).toBe(CONTACT.phone)
      expect(await detail.locator('[data-history] li').count()).toBe(1)

      // The description stays text: shown as written, no element made from it, nothing run.
      expect(await detail.locator('[data-description]').textContent()).toBe(HOSTILE)
      expect(await detail.locator('[data-description] *').count()).toBe(0)
      expect(await page.locator('img[src="x"], staff-detail script').count()).toBe(0)
      expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBe(
        undefined,
      )

      // Only the steps the API allows from received, for an officer.
      const to = page.getByLabel(s.toLabel)
      expect(
        await to
          .locator('option')
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
      ).toEqual(['', 'accepted', 'referred'])
      // A referral needs the authority it goes to: said beside the field, nothing sent.
      await to.selectOption('referred')
      const posts = () => staffRequests.filter((q) => q.url.endsWith('/transitions')).length
      const sent = posts()
      await page.getByRole('button', { name: s.moveSubmit }).click()
      expect(await page.locator('#staff-move-referred-to-error').textContent()).toBe(
        s.problems['referred-to-missing'],
      )
      expect(await page.getByLabel(s.referredToLabel).getAttribute('aria-invalid')).toBe('true')
      expect(posts()).toBe(sent)

      await to.selectOption('accepted')
      expect(await page.getByLabel(s.referredToLabel).isVisible()).toBe(false)
      await page.getByLabel(s.noteLabel).fill('属本局管辖，<b>安排核查</b>')
      const [moved] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/transitions')),
        page.getByRole('button', { name: s.moveSubmit }).click(),
      ])
      expect(moved.status()).toBe(200)
      expect(moved.request().postDataJSON()).toEqual({
        to: 'accepted',
        note: '属本局管辖，<b>安排核查</b>',
      })
      await expect
        .poll(() => detail.locator('[data-field="status"]').textContent())
        .toBe(r.statuses.accepted)
      expect(await detail.locator('[data-move-status]').textContent()).toBe(
        s.moved(r.statuses.accepted),
      )
      const history = detail.locator('[data-history] li')
      expect(
        await history.evaluateAll((items) => items.map((item) => item.getAttribute('data-status'))),
      ).toEqual(['received', 'accepted'])
      expect(await history.nth(1).innerText()).toContain(s.historyBy('办理员甲'))
      expect(await history.nth(1).innerText()).toContain('属本局管辖，<b>安排核查</b>')
      await expect
        .poll(() => listItem(page, codes.noise!).locator('.line').textContent())
        .toContain(r.statuses.accepted)
      // The next step offered is the one after acceptance.
      expect(
        await to
          .locator('option')
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
      ).toEqual(['', 'assigned'])
      // The keyboard goes on from the next move, not from the top of the page.
      expect(await to.evaluate((select) => select === document.activeElement)).toBe(true)

      const [row] = await server.db.query<{ status: string }>(
        'SELECT status FROM reports WHERE tracking_code = $1',
        [codes.noise],
      )
      expect(row!.status).toBe('accepted')
      await page.close()
    })

    it('draws the reports from the staff layer, asked for with the token', async () => {
      const page = await openPage()
      await signIn(page, officer)
      await page.locator('staff-map [data-map][data-map-ready="true"]').waitFor({ timeout: 60_000 })
      const [lon, lat] = NOISE
      const rendered = await page.evaluate(
        async ({ box }) => {
          const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
          const idle = new Promise((resolve) => map.once('idle', resolve))
          map.fitBounds(box, { duration: 0 })
          map.triggerRepaint()
          await idle
          return map
            .queryRenderedFeatures({ layers: ['staff-reports-circle'] })
            .map((feature) => feature.properties as Record<string, unknown>)
        },
        {
          box: [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01] as [number, number, number, number],
        },
      )
      const point = rendered.find((p) => p.tracking_code === codes.noise)
      expect(point).toMatchObject({ category: 'noise', status: 'accepted', overdue: false })
      expect(Object.keys(point!)).not.toContain('description')

      const tiles = staffRequests.filter((q) => /\/api\/staff\/tiles\/reports\//.test(q.url))
      expect(tiles.length).toBeGreaterThan(0)
      for (const request of staffRequests) {
        expect(request.authorization, request.url).toMatch(/^Bearer ezs_/)
        expect(request.url).not.toContain(officer.slice(4))
      }

      // A click on the point opens its report.
      const box = await page.locator('staff-map .maplibregl-canvas').boundingBox()
      const at = await page.evaluate((position) => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        return map.project(position)
      }, NOISE)
      await page.mouse.click(box!.x + at.x, box!.y + at.y)
      await page
        .locator('staff-detail [data-detail-heading]')
        .filter({ hasText: codes.noise! })
        .waitFor()
      await page.close()
    })

    it('shows photos fetched with the token, filters, and exports the list', async () => {
      const page = await openPage()
      await signIn(page, officer)
      await listItem(page, codes.water!).getByRole('button').click()
      const photo = page.locator('staff-detail [data-photos] img')
      await photo.waitFor()
      expect(await photo.getAttribute('src')).toMatch(/^blob:/)
      expect(await photo.getAttribute('alt')).toBe(s.photoAlt('1'))
      await expect
        .poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0)

      await page.getByLabel(s.filterLabels.category).selectOption('water')
      await page.getByRole('button', { name: s.applyFilters, exact: true }).click()
      await expect.poll(() => page.locator('[data-report-list] li').count()).toBe(1)
      expect(await listItem(page, codes.water!).count()).toBe(1)

      const district = page.getByLabel(s.filterLabels.district)
      await district.fill('4304')
      await page.getByRole('button', { name: s.applyFilters, exact: true }).click()
      expect(await page.locator('#staff-filter-district-error').textContent()).toBe(
        s.problems['district-shape'],
      )
      expect(await district.getAttribute('aria-invalid')).toBe('true')
      await district.fill('')

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: s.exportCsv }).click(),
      ])
      expect(download.suggestedFilename()).toBe('reports.csv')
      const csv = readFileSync((await download.path())!, 'utf8')
      expect(csv.charCodeAt(0)).toBe(0xfeff)
      expect(csv).toContain(codes.water)
      expect(csv).not.toContain(codes.noise)
      const exports = staffRequests.filter((q) => q.url.includes('/reports.csv'))
      expect(new URL(exports.at(-1)!.url).searchParams.get('category')).toBe('water')
      await page.close()
    })

    it('signs out, and goes back to sign-in when the token is revoked', async () => {
      const page = await openPage()
      await signIn(page, officer)
      await page.getByRole('button', { name: s.signOut }).click()
      expect(await page.locator('[data-signed-out]').textContent()).toBe(s.signedOut)
      expect(await page.locator('[data-workspace]').isVisible()).toBe(false)
      expect(await page.locator('[data-report-list] li').count()).toBe(0)
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
      await page.reload()
      expect(await page.getByLabel(s.tokenLabel).isVisible()).toBe(true)

      const leaving = await tokenFor(server.db, 'viewer', '调离人员')
      await signIn(page, leaving)
      await revokeStaff(server.db, '调离人员')
      await page.getByRole('button', { name: s.refresh }).click()
      await expect
        .poll(() => page.locator('#staff-token-error').textContent())
        .toBe(s.tokenErrors.STAFF_TOKEN_REVOKED)
      expect(await page.locator('[data-workspace]').isVisible()).toBe(false)
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
      await page.close()
    })

    it('fits 360 px and 1280 px, linked from the footer and not the navigation', async () => {
      for (const width of [360, 1280]) {
        const page = await openPage(width, width === 360 ? 740 : 800)
        await signIn(page, officer)
        await listItem(page, codes.late!).getByRole('button').click()
        await page
          .locator('staff-detail [data-detail-heading]')
          .filter({ hasText: codes.late! })
          .waitFor()
        await page.locator('[data-leads] li').first().waitFor()
        await page
          .locator('staff-map [data-map][data-map-ready="true"]')
          .waitFor({ timeout: 60_000 })
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0)
        await page.screenshot({ path: path.join(ARTIFACTS, `staff-${width}.png`), fullPage: true })
        await page.close()
      }

      const home = await browser.context.newPage()
      await home.goto(`${server.url}/about/`)
      const nav = home.getByRole('navigation')
      expect(await nav.locator('a[href="/staff/"]').count()).toBe(0)
      expect(await home.locator('footer a[href="/staff/"]').textContent()).toBe(s.footerLink)
      await home.close()
    })

    it('shows each lead with the zoning rule behind it', async () => {
      const page = await openPage()
      await signIn(page, officer)
      const farm = page.locator('[data-leads] li[data-kind="farm_in_no_raising_zone"]')
      await farm.waitFor()
      expect(await farm.locator('h3').textContent()).toBe(s.leadKinds.farm_in_no_raising_zone)
      // The fixture's farm lies in its no-raising zone, whose rule is T04.
      expect(
        await farm
          .locator('[data-rule]')
          .evaluateAll((rules) => rules.map((rule) => rule.getAttribute('data-rule'))),
      ).toEqual(['T04'])
      expect(await farm.locator('.basis').textContent()).toBe(s.leadBasis.farm_in_no_raising_zone)
      const sensitive = page.locator(
        `[data-leads] li[data-kind="report_in_sensitive_zone"]:has([data-open="${codes.water}"])`,
      )
      // The ground in Chinese, the zone by its title rather than its layer's name.
      const basis = sensitive.locator('.basis')
      expect(await basis.textContent()).toBe(
        s.leadBasis.report_in_sensitive_zone(
          zh.reportForm.categories.water,
          zh.layer.water_source_zones,
        ),
      )
      expect(await basis.getAttribute('lang')).toBeNull()
      const grounds = await page.locator('[data-leads] .basis').allTextContents()
      expect(grounds.length).toBeGreaterThan(1)
      for (const ground of grounds) {
        expect(ground).toMatch(/\p{Script=Han}/u)
        expect(ground).not.toMatch(/[a-z]{3}|_zones?\b/)
      }
      await sensitive.locator('[data-open]').click()
      await page
        .locator('staff-detail [data-detail-heading]')
        .filter({ hasText: codes.water! })
        .waitFor()
      await page.close()
    })

    it('reads a report on a phone in English, words whole, zoom buttons whole', async () => {
      const page = await openPage(375, 740, '/en')
      await signIn(page, officer, en.staff)
      await listItem(page, codes.noise!).getByRole('button').click()
      const detail = page.locator('staff-detail')
      await detail.locator('[data-detail-heading]').filter({ hasText: codes.noise! }).waitFor()
      // Each value has most of the row: no value broken a few letters a line.
      const values = await detail
        .locator('.facts dd')
        .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().width))
      expect(values.length).toBeGreaterThan(3)
      for (const width of values) expect(width).toBeGreaterThan(250)
      // The filters' fields, dates included, stay inside their form.
      const outside = await page.locator('[data-filter-form]').evaluate((form) => {
        const right = form.getBoundingClientRect().right
        return [...form.querySelectorAll('input, select')]
          .filter((field) => field.getBoundingClientRect().right > right + 0.5)
          .map((field) => field.id)
      })
      expect(outside).toEqual([])
      // MapLibre's zoom buttons keep their square.
      const zoom = await page.locator('.maplibregl-ctrl-zoom-in').first().boundingBox()
      expect(zoom!.width).toBeGreaterThan(20)
      expect(Math.abs(zoom!.width - zoom!.height)).toBeLessThan(2)
      await page.close()
    })

    it('writes the leads in English on the English page', async () => {
      const page = await openPage(1280, 800, '/en')
      await signIn(page, officer, en.staff)
      const sensitive = page.locator(
        `[data-leads] li[data-kind="report_in_sensitive_zone"]:has([data-open="${codes.water}"])`,
      )
      await sensitive.waitFor()
      expect(await sensitive.locator('h3').textContent()).toBe(
        en.staff.leadKinds.report_in_sensitive_zone,
      )
      expect(await sensitive.locator('.basis').textContent()).toBe(
        'An open report (Water pollution) lies in a sensitive zone: ' +
          'Drinking-water source protection zones.',
      )
      const farm = page.locator('[data-leads] li[data-kind="farm_in_no_raising_zone"]')
      expect(await farm.locator('.basis').textContent()).toBe(
        en.staff.leadBasis.farm_in_no_raising_zone,
      )
      // Interface text only: names and rule texts in the data stay Chinese.
      for (const ground of await page.locator('[data-leads] .basis').allTextContents()) {
        expect(ground).not.toMatch(/\p{Script=Han}|_zones?\b/u)
      }
      await page.close()
    })

    it('runs no script the page did not ship', async () => {
      const page = await openPage()
      const response = await page.reload()
      expect(response!.headers()['content-security-policy']).toContain("script-src 'self'")
      await signIn(page, officer)
      const errorsBefore = browser.pageErrors.length
      // An injected inline script, as a cross-site scripting hole would run one.
      await page.addScriptTag({ content: 'window.__injected = true' }).catch(() => undefined)
      expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBe(
        undefined,
      )
      const added = browser.pageErrors.splice(errorsBefore)
      expect(added.length).toBeGreaterThan(0)
      expect(added.filter((error) => !/Content Security Policy/.test(error))).toEqual([])
      await page.close()
    })

    it('loads nothing from outside the server and breaks no content security rule', () => {
      const origin = new URL(server.url).origin
      const fetched = browser.requests.filter((url) => url.startsWith('http'))
      expect(fetched.filter((url) => new URL(url).origin !== origin)).toEqual([])
      expect(fetched.some((url) => url.includes('/api/staff/tiles/reports/'))).toBe(true)
      expect(browser.pageErrors).toEqual([])
    })
  },
)
