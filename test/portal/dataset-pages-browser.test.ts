import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../portal/src/i18n/en.ts'
import { zh } from '../../portal/src/i18n/zh.ts'
import { importDatasetDescription } from '../../server/import/dataset-import.ts'
import {
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

if (SKIP_REASON) console.warn(`dataset pages browser tests ${SKIP_REASON}`)

// Every page of the portal that takes no address of its own, in both languages.
const PAGES = [
  '/',
  '/about/',
  '/about/api/',
  '/precheck/',
  '/report/',
  '/report/new/',
  '/report/track/',
  '/staff/',
]
const ALL_PAGES = [...PAGES, ...PAGES.map((page) => `/en${page}`)]

const OFFICIAL = {
  name: '衡阳市生态环境分区管控成果',
  name_en: 'Hengyang ecological and environmental zoning',
  version: '2024-06',
  notice_zh: '本数据依据批复的管控成果制作，以批复文件为准。',
  notice_en: 'Made from the approved zoning; the approved documents prevail.',
  boundary_source: '衡阳市自然资源和规划局，2023年',
  datum_note: '原始数据为 CGCS2000，未作偏移。',
}

describe.skipIf(SKIP_REASON !== undefined)(
  `the served dataset on every page in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 180_000 },
  () => {
    let server: TestServer
    let browser: Browser
    let dir: string

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-dataset-pages-'))
      server = await startTestServer(BACKENDS[0]!, 'fixture', { buildPortal: true })
      browser = await launchChromium()
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await rm(dir, { recursive: true, force: true })
    })

    async function describeDataset(description: object) {
      const file = path.join(dir, 'dataset.json')
      await writeFile(file, JSON.stringify(description))
      await importDatasetDescription(server.db, file)
    }

    async function open(page: string): Promise<Page> {
      const opened = await browser.context.newPage()
      const response = await opened.goto(`${server.url}${page}`)
      expect(response?.status(), page).toBe(200)
      return opened
    }

    /** The footer's notice once the page has read the dataset: its text, or null when hidden. */
    async function footerNotice(page: Page): Promise<string | null> {
      const notice = page.locator('[data-dataset-notice]')
      // The version appears in the same turn as the notice, once the dataset has been read.
      await page.locator('[data-dataset-version]:not([hidden])').waitFor()
      return (await notice.isVisible()) ? notice.textContent() : null
    }

    it('says the sample is the sample on the About page', async () => {
      const page = await open('/about/')
      await page.locator('[data-dataset-version]:not([hidden])').waitFor()
      const sample = page.locator('[data-about-sample]')
      expect(await sample.isVisible()).toBe(true)
      expect(await sample.locator('p').first().textContent()).toBe(zh.about.source.paragraphs[0])
      expect(await page.locator('[data-about-dataset]').isHidden()).toBe(true)
      const callout = page.locator('[data-about-notice]')
      expect(await callout.locator('.heading').textContent()).toBe(zh.about.noticeHeading)
      expect(await callout.locator('[data-field="notice"]').textContent()).toBe(zh.footer.notice)
      await page.close()
    })

    it("shows an operator's notice in the footer of every page, not the sample's", async () => {
      await describeDataset(OFFICIAL)
      for (const address of ALL_PAGES) {
        const page = await open(address)
        const expected = address.startsWith('/en/') ? OFFICIAL.notice_en : OFFICIAL.notice_zh
        expect(await footerNotice(page), address).toBe(expected)
        await page.close()
      }
    })

    it("describes an operator's data on the About page, in each language", async () => {
      await describeDataset(OFFICIAL)
      for (const [address, strings, name, notice] of [
        ['/about/', zh, OFFICIAL.name, OFFICIAL.notice_zh],
        ['/en/about/', en, OFFICIAL.name_en, OFFICIAL.notice_en],
      ] as const) {
        const page = await open(address)
        const described = page.locator('[data-about-dataset]')
        await described.waitFor()
        expect(await page.locator('[data-about-sample]').isHidden(), address).toBe(true)

        const shows = await described.locator('[data-field="shows"]').textContent()
        expect(shows).toContain(name)
        expect(shows).toContain(OFFICIAL.version)
        const row = (name: string) => described.locator(`[data-row="${name}"]`)
        expect(await row('boundary_source').locator('dt').textContent()).toBe(
          strings.dataset.boundarySource,
        )
        expect(await row('boundary_source').locator('dd').textContent()).toBe(
          OFFICIAL.boundary_source,
        )
        expect(await row('datum_note').locator('dd').textContent()).toBe(OFFICIAL.datum_note)

        const callout = page.locator('[data-about-notice]')
        expect(await callout.locator('.heading').textContent()).toBe(strings.dataset.noticeHeading)
        expect(await callout.locator('[data-field="notice"]').textContent()).toBe(notice)
        await page.close()
      }
    })

    it('leaves out what a description does not give', async () => {
      await describeDataset({ name: OFFICIAL.name, version: '2024-07' })
      const page = await open('/about/')
      const described = page.locator('[data-about-dataset]')
      await described.waitFor()
      expect(await described.locator('[data-row="boundary_source"]').isHidden()).toBe(true)
      expect(await described.locator('[data-row="datum_note"]').isHidden()).toBe(true)
      expect(await page.locator('[data-about-notice]').isHidden()).toBe(true)
      expect(await page.locator('[data-about-sample]').isHidden()).toBe(true)
      expect(await footerNotice(page)).toBeNull()
      await page.close()

      // English pages fall back to the Chinese name when no English one was given.
      const english = await open('/en/about/')
      await english.locator('[data-about-dataset]').waitFor()
      const shows = english.locator('[data-about-dataset] [data-field="shows"]')
      expect(await shows.textContent()).toContain(OFFICIAL.name)
      await english.close()
    })

    it('throws no script errors', () => {
      expect(browser.pageErrors).toEqual([])
    })
  },
)
