import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../portal/src/i18n/zh.ts'
import { importDatasetDescription } from '../../server/import/dataset-import.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { metresPerDegreeLon, rectangleArea } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`check report browser tests ${SKIP_REASON}`)

/** What the test page reads from `window.ecozoningMap`, typed for the evaluate callbacks. */
type MapHandle = import('maplibre-gl').Map

// The fixture's district is 112.0–112.2°E × 27.0–27.1°N: the priority unit west of 112.1°E, the
// general unit south of 27.05°N east of it, the no-raising zone 112.11–112.14°E × 27.01–27.04°N
// and the Xiang River on the meridian 112.15°E (see test/fixtures/dataset/README.md).
const WEST = 112.08
const EAST = 112.145
const SOUTH = 27.02
const NORTH = 27.03
const UNIT_EDGE = 112.1
const PRIORITY = 'ZH43042110001'
const GENERAL = 'ZH43042130001'

const site = {
  type: 'Polygon',
  coordinates: [
    [
      [WEST, SOUTH],
      [EAST, SOUTH],
      [EAST, NORTH],
      [WEST, NORTH],
      [WEST, SOUTH],
    ],
  ],
}

/**
 * On an ellipsoid of revolution a lon/lat rectangle's area is proportional to its span of
 * longitude, so the shares of two rectangles in one band of latitude are the ratio of spans.
 */
const expectedShares: Record<string, number> = {
  [PRIORITY]: (UNIT_EDGE - WEST) / (EAST - WEST),
  [GENERAL]: (EAST - UNIT_EDGE) / (EAST - WEST),
}
const expectedAreas: Record<string, number> = {
  [PRIORITY]: rectangleArea(WEST, SOUTH, UNIT_EDGE, NORTH),
  [GENERAL]: rectangleArea(UNIT_EDGE, SOUTH, EAST, NORTH),
}

interface Answer {
  id: string
  checkedAt: string
  inputSha256: string
  verdict: string
  units: { code: string; share: number; overlap_m2: number }[]
  rules: { code: string; dimension: string }[]
  dataset: { version: string; notice_zh: string; illustrative: boolean }
  dataVersions: Record<string, number>
  accessList: { rules: number; sha256: string }
}

/** A displayed number such as "2,199,079.44" as a number. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''))

describe.skipIf(SKIP_REASON !== undefined)(
  `check report in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: TestServer
    let browser: Browser
    let answer: Answer

    beforeAll(async () => {
      server = await startTestServer(BACKENDS[0]!, 'fixture', { buildPortal: true })
      browser = await launchChromium()

      // Rule text is data: markup in it must reach the page as text.
      await server.db.query(
        "UPDATE rules SET text_zh = '鼓励开展<b>生态修复</b>。' WHERE code = 'T07'",
      )
      const response = await server.postJson('/api/admission-check', {
        geometry: site,
        industry: 'C2614',
      })
      expect(response.status).toBe(200)
      answer = (await response.json()) as Answer
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    async function openReport(query: string, width = 1280): Promise<Page> {
      const page = await browser.context.newPage()
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${server.url}/check/${query}`)
      await page.locator('check-report:not([data-state="loading"])').waitFor()
      return page
    }

    async function openReady(width = 1280): Promise<Page> {
      const page = await openReport(`?id=${answer.id}`, width)
      const ready = page.locator('[data-map][data-map-ready="true"]')
      await ready.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
        const status = await page.locator('[data-map-status]').textContent()
        throw new Error(`the site map never became ready; its status says "${status}"`, {
          cause: error,
        })
      })
      return page
    }

    it('states the verdict in words and by a mark, with the reasons', async () => {
      const page = await openReady()

      expect(answer.verdict).toBe('forbidden')
      expect(await page.locator('check-report').getAttribute('data-state')).toBe('found')
      expect(await page.locator('[data-field="verdict"]').textContent()).toBe(
        zh.check.verdict.forbidden,
      )
      expect(await page.locator('.mark-forbidden').isVisible()).toBe(true)
      expect(await page.locator('.mark-consistent').isVisible()).toBe(false)

      // T08 forbids C2614 in the priority unit; T03 forbids C26 within 1 km of the river.
      const reasons = await page.locator('[data-slot="reasons"] li').allTextContents()
      expect(reasons).toHaveLength(2)
      expect(reasons.join()).toContain('T03')
      expect(reasons.join()).toContain('T08')

      expect(await page.locator('[data-field="id"]').textContent()).toBe(answer.id)
      expect(await page.locator('time[data-field="checked-at"]').getAttribute('datetime')).toBe(
        answer.checkedAt,
      )
      expect(await page.locator('[data-field="industry"]').textContent()).toBe(
        'C2614 有机化学原料制造',
      )
      expect(await page.locator('[data-field="project-kind"]').textContent()).toBe(
        zh.check.projectKinds.new,
      )
      await page.close()
    })

    it('lists each unit with the share the API gives and the geometry implies', async () => {
      const page = await openReady()
      const rows = page.locator('[data-slot="units"] tr')
      expect(await rows.count()).toBe(2)

      for (const unit of answer.units) {
        const row = page.locator(`tr[data-unit="${unit.code}"]`)
        const share = await row.locator('[data-field="share"]').textContent()
        const overlap = numberIn(await row.locator('[data-field="overlap"]').textContent())

        expect(share).toBe(`${(unit.share * 100).toFixed(2)}%`)
        expect(share).toBe(`${(expectedShares[unit.code]! * 100).toFixed(2)}%`)
        expect(overlap).toBe(unit.overlap_m2)
        // The authalic sphere is within about 0.2% of the ellipsoid.
        expect(Math.abs(overlap / expectedAreas[unit.code]! - 1)).toBeLessThan(0.005)
      }
      expect(await page.locator(`tr[data-unit="${PRIORITY}"]`).innerText()).toContain(
        zh.unitClass.priority,
      )
      expect(await page.locator(`tr[data-unit="${GENERAL}"]`).innerText()).toContain(
        zh.unitClass.general,
      )
      await page.close()
    })

    it('groups the rules by the four dimensions, with what brought each into force', async () => {
      const page = await openReady()
      const groups = page.locator('[data-rule-group]')
      const codesIn = (dimension: string) =>
        page
          .locator(`[data-dimension="${dimension}"] [data-rule]`)
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')))

      expect(await groups.locator('[data-field="dimension"]').allTextContents()).toEqual(
        Object.values(zh.dimension),
      )
      expect(await codesIn('spatial_layout')).toEqual(['T03', 'T08'])
      expect(await codesIn('emission_control')).toEqual([])
      expect(await codesIn('risk_prevention')).toEqual(['T07'])
      expect(await codesIn('resource_efficiency')).toEqual([])
      expect(answer.rules.map((rule) => rule.code).sort()).toEqual(['T03', 'T07', 'T08'])

      // The site's east edge lies 0.005° of longitude west of the river.
      const metres = Math.round(metresPerDegreeLon(NORTH) * (112.15 - EAST))
      const river = page.locator('[data-rule="T03"]')
      expect(await river.locator('[data-field="trigger"]').textContent()).toContain(`${metres} 米`)
      expect(await river.locator('[data-field="basis"]').textContent()).toBe(
        '《中华人民共和国长江保护法》第二十六条',
      )
      expect(await river.locator('[data-field="effect"]').textContent()).toBe(zh.effect.forbid)
      expect(
        await page.locator('[data-rule="T08"] [data-field="trigger"]').textContent(),
      ).toContain(PRIORITY)

      const encouraged = page.locator('[data-rule="T07"] [data-field="text"]')
      expect(await encouraged.textContent()).toBe('鼓励开展<b>生态修复</b>。')
      expect(await page.locator('check-report b').count()).toBe(0)
      await page.close()
    })

    it('names the data versions, the digests and the illustrative data', async () => {
      const page = await openReady()

      expect(await page.locator('[data-field="dataset"]').textContent()).toContain(
        answer.dataset.version,
      )
      for (const [layer, version] of Object.entries(answer.dataVersions)) {
        const cell = page.locator(`tr[data-layer="${layer}"] [data-field="version"]`)
        expect(await cell.textContent()).toBe(String(version))
      }
      expect(await page.locator('[data-field="access-list-sha256"]').textContent()).toBe(
        answer.accessList.sha256,
      )
      expect(await page.locator('[data-field="input-sha256"]').textContent()).toBe(
        answer.inputSha256,
      )

      expect(answer.dataset.illustrative).toBe(true)
      const notice = page.locator('[data-check-notice]')
      expect(await notice.isVisible()).toBe(true)
      expect(await notice.locator('[data-field="notice"]').textContent()).toBe(
        answer.dataset.notice_zh,
      )
      const footerNotice = page.locator('[data-dataset-notice]')
      await expect.poll(() => footerNotice.textContent()).toBe(answer.dataset.notice_zh)
      expect(await footerNotice.isVisible()).toBe(true)
      await page.close()
    })

    it('draws the site over the zoning tiles', async () => {
      const page = await openReady()
      const rendered = await page.evaluate(() => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const site = map.queryRenderedFeatures({ layers: ['check-site-fill', 'check-site-line'] })
        const fills = map
          .getStyle()
          .layers.filter((layer) => layer.id.startsWith('control_units-fill-'))
          .map((layer) => layer.id)
        const units = map.queryRenderedFeatures({ layers: fills })
        return {
          site: site.length,
          units: [...new Set(units.map((feature) => String(feature.properties.code)))],
        }
      })

      expect(rendered.site).toBeGreaterThan(0)
      expect(rendered.units).toEqual(expect.arrayContaining([PRIORITY, GENERAL]))
      expect(await page.locator('[data-map-snapshot]').getAttribute('src')).toMatch(
        /^data:image\/png;base64,/,
      )
      await page.close()
    })

    it('shows a point site with the units it lies in and no overlap areas', async () => {
      // On the edge between the priority and the general unit, outside every zone.
      const response = await server.postJson('/api/admission-check', {
        geometry: { type: 'Point', coordinates: [UNIT_EDGE, 27.045] },
        industry: 'M73',
        projectKind: 'expansion',
      })
      const point = (await response.json()) as Answer
      const page = await openReport(`?id=${point.id}`)

      // Only T07, which encourages, is in force there for this industry.
      expect(point.verdict).toBe('consistent')
      expect(await page.locator('[data-field="verdict"]').textContent()).toBe(
        zh.check.verdict.consistent,
      )
      expect(await page.locator('[data-field="site-size"]').textContent()).toBe(zh.check.pointSite)
      expect(await page.locator('[data-column="units-overlap"]').count()).toBe(0)
      expect(
        await page.locator('[data-slot="units"] [data-field="share"]').allTextContents(),
      ).toEqual([zh.check.pointShare, zh.check.pointShare])
      expect(await page.locator('[data-row="zones-table"]').count()).toBe(0)
      expect(await page.getByText(zh.check.noZones).isVisible()).toBe(true)
      await page.close()
    })

    it('gives a repair in the page’s words, and the answer’s English marked as such', async () => {
      // An outer ring left open, which the API closes and says so in English.
      const response = await server.postJson('/api/admission-check', {
        wkt: 'POLYGON((112.16 27.03, 112.18 27.03, 112.18 27.04, 112.16 27.04))',
        industry: 'M73',
      })
      const checked = (await response.json()) as Answer & {
        site: { repairs: { kind: string; message: string }[]; crs: { name: string } }
      }
      const [repair] = checked.site.repairs
      expect(repair?.kind).toBe('closed-ring')

      const page = await openReport(`?id=${checked.id}`)
      const item = page.locator('[data-slot="site-repairs"] > *')
      expect(await item.allTextContents()).toEqual([
        `${zh.check.repairKinds['closed-ring']} ${zh.panel.serverSays}${repair!.message}`,
      ])
      expect(await item.locator('[lang="en"]').textContent()).toBe(repair!.message)
      expect(await page.locator('[data-field="site-crs"]').getAttribute('lang')).toBe('en')
      await page.close()

      // In English the answer's words alone, not the kind and then the same again.
      const english = await browser.context.newPage()
      await english.goto(`${server.url}/en/check/?id=${checked.id}`)
      await english.locator('check-report:not([data-state="loading"])').waitFor()
      expect(await english.locator('[data-slot="site-repairs"] > *').allTextContents()).toEqual([
        repair!.message,
      ])
      await english.close()
    })

    it('says so for an unknown id, a malformed one and none, and loads no map', async () => {
      const cases: [string, string, string][] = [
        ['?id=AAAAAAAAAAAAAAAAAAAAAA', 'not-found', zh.check.notFound('').heading],
        ['?id=abc', 'invalid', zh.check.invalid('').heading],
        ['', 'missing', zh.check.missing.heading],
      ]
      for (const [query, state, heading] of cases) {
        const page = await openReport(query)
        expect(await page.locator('check-report').getAttribute('data-state')).toBe(state)
        expect(await page.locator('[data-message] h2').textContent()).toBe(heading)
        expect(await page.locator('[data-report]').isVisible()).toBe(false)
        expect(await page.locator('site-map').isVisible()).toBe(false)
        await page.close()
      }

      const unknown = await openReport('?id=AAAAAAAAAAAAAAAAAAAAAA')
      expect(await unknown.locator('[data-message]').innerText()).toContain(
        'AAAAAAAAAAAAAAAAAAAAAA',
      )
      await unknown.close()
    })

    it('prints on A4 with the map and the address, without navigation', async () => {
      const page = await openReady()
      await page.emulateMedia({ media: 'print' })
      const url = `${server.url}/check/?id=${answer.id}`

      expect(await page.locator('.site-header').isVisible()).toBe(false)
      expect(await page.locator('[data-print]').isVisible()).toBe(false)
      expect(await page.locator('[data-map-snapshot]').isVisible()).toBe(true)
      expect(await page.locator('[data-map]').isVisible()).toBe(false)
      expect(await page.locator('[data-field="report-footer"]').textContent()).toBe(
        zh.check.printFooter(url, answer.id),
      )
      expect(await page.locator('style[data-page-footer]').textContent()).toContain(
        zh.check.printFooter(url, answer.id),
      )
      const breaks = await page
        .locator('[data-rule]')
        .evaluateAll((rules) => rules.map((rule) => getComputedStyle(rule).breakInside))
      expect(breaks.every((value) => value === 'avoid')).toBe(true)

      const file = path.join(ARTIFACTS, 'check-report.pdf')
      await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true })
      const pdf = await readFile(file)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
      await page.close()
    })

    it('offers a print button and fits 360 px and 1280 px screens', async () => {
      for (const width of [360, 1280]) {
        const page = await openReady(width)
        expect(await page.getByRole('button', { name: zh.check.print }).isVisible()).toBe(true)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0)

        await page.screenshot({
          path: path.join(ARTIFACTS, `check-report-${width}.png`),
          fullPage: true,
        })
        await page.close()
      }
    })

    it('shows the notice an operator gave with its data, and none when it gave none', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-notice-'))
      const describeDataset = async (description: object) => {
        const file = path.join(dir, 'dataset.json')
        await writeFile(file, JSON.stringify(description))
        await importDatasetDescription(server.db, file)
      }
      const notice = '本数据依据批复的管控成果制作，以批复文件为准。'
      try {
        await describeDataset({
          name: '衡阳市生态环境分区管控成果',
          version: '2024-06',
          notice_zh: notice,
        })
        const response = await server.postJson('/api/admission-check', {
          geometry: site,
          industry: 'C2614',
        })
        const checked = (await response.json()) as Answer
        expect(checked.dataset).toMatchObject({ illustrative: false, notice_zh: notice })

        const page = await openReport(`?id=${checked.id}`)
        const box = page.locator('[data-check-notice]')
        expect(await box.isVisible()).toBe(true)
        expect(await box.locator('[data-field="notice"]').textContent()).toBe(notice)
        expect(await box.locator('.heading').textContent()).toBe(zh.dataset.noticeHeading)
        const footer = page.locator('[data-dataset-notice]')
        await expect.poll(() => footer.textContent()).toBe(notice)
        expect(await footer.isVisible()).toBe(true)
        await page.close()

        // A description without a notice: the footer, read live, says nothing.
        await describeDataset({ name: '衡阳市生态环境分区管控成果', version: '2024-07' })
        const later = await openReport(`?id=${checked.id}`)
        await expect.poll(() => later.locator('[data-dataset-notice]').isHidden()).toBe(true)
        await later.close()
      } finally {
        await rm(dir, { recursive: true, force: true })
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
