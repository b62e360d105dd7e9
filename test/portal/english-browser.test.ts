import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../portal/src/i18n/en.ts'
import { zh } from '../../portal/src/i18n/zh.ts'
import { SAMPLE_DIR } from '../../server/data/sample-loader.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`English portal browser tests ${SKIP_REASON}`)

/** Han, kana and Hangul, and the ideographic and full-width punctuation Chinese is set with. */
const CJK = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Hang}\u3000-\u303f\uff00-\uffef]/u

// The sample's 衡阳松木经济开发区 unit, read from the sample's own files.
const CODE = 'ZH43040720001'
const sampleUnit = (
  JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'control_units.geojson'), 'utf8')) as {
    features: {
      properties: { code: string; name: string; class: 'priority' | 'key' | 'general' }
    }[]
  }
).features.find((feature) => feature.properties.code === CODE)!.properties

const manifest = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as {
  notice_en: string
}

/** Every English page: the static ones, a unit's, and a check's that names no check. */
const PAGES = [
  '/en/',
  '/en/precheck/',
  '/en/check/',
  '/en/report/',
  '/en/report/new/',
  '/en/report/track/',
  '/en/about/',
  '/en/about/api/',
  '/en/staff/',
  `/en/units/${CODE}/`,
]

/**
 * The interface text of a page: headings, navigation, labels, buttons, legends, table and
 * list heads, options and the title, without what the data fills in (`data-field`), code, and
 * what is marked as written in another language (the language switch, quoted Chinese).
 */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'title, h1, h2, h3, h4, nav, label, button, legend, th, dt, summary, option'
    return [...document.querySelectorAll(selector)].map((element) => {
      const copy = element.cloneNode(true) as Element
      const dropped = copy.querySelectorAll('[data-field], code, [lang]:not([lang^="en"])')
      for (const inner of dropped) inner.remove()
      if (copy.matches('[data-field], [lang]:not([lang^="en"])')) return ''
      const label = element.getAttribute('aria-label') ?? ''
      return `${copy.textContent ?? ''} ${label}`.replace(/\s+/g, ' ').trim()
    })
  })
}

describe.skipIf(SKIP_REASON !== undefined)(
  `the English portal in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: RunningServer
    let browser: Browser
    let context: BrowserContext

    beforeAll(async () => {
      server = await startServer({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
      context = browser.context
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    async function open(route: string, width = 1280): Promise<Page> {
      const page = await context.newPage()
      await page.setViewportSize({ width, height: 800 })
      const response = await page.goto(`${server.url}${route}`)
      expect(response?.status(), route).toBe(200)
      return page
    }

    async function waitForMap(page: Page): Promise<void> {
      await page.locator('[data-map][data-map-ready="true"]').waitFor({ timeout: 60_000 })
    }

    it('serves every page in English, its interface text free of Chinese', async () => {
      for (const route of PAGES) {
        const page = await open(route)
        if (route.includes('/units/')) await page.locator('unit-page[data-state="found"]').waitFor()

        expect(await page.locator('html').getAttribute('lang'), route).toBe('en')
        expect(await page.locator('nav[aria-label] a').allInnerTexts(), route).toEqual(
          expect.arrayContaining([en.nav.map, en.nav.precheck, en.nav.about]),
        )
        // A unit page's title names the unit, which is data, in Chinese like all names.
        const texts = (await interfaceTexts(page)).map((text) => text.replace(sampleUnit.name, ''))
        expect(texts.length, route).toBeGreaterThan(3)
        expect(
          texts.filter((text) => CJK.test(text)),
          route,
        ).toEqual([])
        await page.close()
      }
    })

    it('names both languages of each page in its head', async () => {
      const page = await open('/en/report/new/')
      const alternates = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((links) =>
          links.map((link) => [
            link.getAttribute('hreflang'),
            new URL((link as HTMLLinkElement).href).pathname,
          ]),
        )
      expect(alternates).toEqual([
        ['zh-CN', '/report/new/'],
        ['en', '/en/report/new/'],
      ])
      await page.close()
    })

    it('switches to the same page in Chinese and back, keeping query and fragment', async () => {
      // The pages with script keep the fragment too; those without keep their path.
      for (const route of ['/en/check/?id=nothing#map', '/en/about/', `/en/units/${CODE}/`]) {
        const page = await open(route)
        const chinese = route.replace(/^\/en/, '')
        const link = page.locator('a[data-language-switch]')
        expect(await link.getAttribute('hreflang')).toBe('zh-CN')
        expect(await link.locator('[lang="zh-CN"]').innerText()).toBe('中文')

        await Promise.all([page.waitForURL(`${server.url}${chinese}`), link.click()])
        expect(await page.locator('html').getAttribute('lang'), route).toBe('zh-CN')
        expect(await page.locator('nav[aria-label] a').first().innerText()).toBe(zh.nav.map)

        const back = page.locator('a[data-language-switch]')
        expect(await back.getAttribute('hreflang')).toBe('en')
        await Promise.all([page.waitForURL(`${server.url}${route}`), back.click()])
        expect(await page.locator('html').getAttribute('lang'), route).toBe('en')
        await page.close()
      }
    })

    it('answers a lookup on the map page in English', async () => {
      const lon = 112.57
      const lat = 26.89
      const answer = (await (
        await fetch(`${server.url}/api/lookup?lon=${lon}&lat=${lat}`)
      ).json()) as { unit: { code: string; class: 'priority' | 'key' | 'general' } }
      const page = await open('/en/')
      await waitForMap(page)

      await page.getByLabel(en.lookupForm.lon, { exact: true }).fill(String(lon))
      await page.getByLabel(en.lookupForm.lat, { exact: true }).fill(String(lat))
      await page.getByRole('button', { name: en.lookupForm.submit, exact: true }).click()
      const card = page.locator('[data-unit-card]')
      await card.locator('[data-field="code"]').waitFor()

      expect(await card.locator('[data-field="code"]').innerText()).toBe(answer.unit.code)
      expect(await card.locator('[data-field="class"]').innerText()).toBe(
        en.unitClass[answer.unit.class],
      )
      const unitLink = await card.locator('[data-unit-page-link]').getAttribute('href')
      expect(unitLink).toBe(`/en/units/${answer.unit.code}/`)

      const dimensions = await page.locator('lookup-panel [data-field="dimension"]').allInnerTexts()
      expect(dimensions.length).toBeGreaterThan(0)
      for (const dimension of dimensions) {
        expect(Object.values(en.dimension)).toContain(dimension)
      }

      // The footer's notice, read live from the dataset, is the manifest's English one.
      await expect
        .poll(() => page.locator('[data-dataset-notice]').innerText())
        .toBe(manifest.notice_en)
      await page.close()
    })

    it('names the field of a refused lookup, in a whole sentence', async () => {
      const page = await open('/en/')
      await waitForMap(page)
      const errorsBefore = browser.pageErrors.length
      // Latitude and longitude swapped, as people often give them: the latitude is past the pole.
      await page.getByLabel(en.lookupForm.lon, { exact: true }).fill('27.2')
      await page.getByLabel(en.lookupForm.lat, { exact: true }).fill('112.6')
      await page.getByRole('button', { name: en.lookupForm.submit, exact: true }).click()

      const expected = `The lookup is not valid. Please check “${en.lookupForm.lat}”.`
      await expect.poll(() => page.locator('lookup-panel [data-status]').innerText()).toBe(expected)
      // The refused point is not put on the map, which could not show it.
      expect(browser.pageErrors.slice(errorsBefore)).toEqual([])
      await page.close()
    })

    it('shows a unit’s facts in English', async () => {
      const page = await open(`/en/units/${CODE}/`)
      await page.locator('unit-page[data-state="found"]').waitFor()

      expect(await page.locator('[data-field="class"]').innerText()).toBe(
        en.unitClass[sampleUnit.class],
      )
      expect(await page.locator('[data-field="area"]').innerText()).toMatch(/^[\d,]+\.\d\d km²$/)
      expect(await page.locator('#unit-facts-heading').innerText()).toBe(en.units.factsHeading)
      const dimensions = await page.locator('unit-page [data-field="dimension"]').allInnerTexts()
      expect(dimensions.length).toBeGreaterThan(0)
      for (const dimension of dimensions) {
        expect(Object.values(en.dimension)).toContain(dimension)
      }
      expect(await page.locator('a[href="/en/"]').count()).toBeGreaterThan(0)

      // The unit's name and its rules' texts are Chinese, and marked so for screen readers.
      expect(await page.locator('h1').getAttribute('lang')).toBe('zh')
      const unmarked = await page.locator('unit-page').evaluate((root) => {
        const left: string[] = []
        for (const element of root.querySelectorAll('*')) {
          const own = [...element.childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent ?? '')
            .join('')
          if (/\p{Script=Han}/u.test(own) && !/\p{Script=Latin}/u.test(own)) {
            if (element.closest('[lang]')?.getAttribute('lang') !== 'zh') left.push(own)
          }
        }
        return left
      })
      expect(unmarked).toEqual([])
      await page.close()
    })

    it('never lists the same reasons twice on a check report', async () => {
      const square = [
        [112.56, 26.88],
        [112.57, 26.88],
        [112.57, 26.89],
        [112.56, 26.89],
        [112.56, 26.88],
      ]
      const answer = await fetch(`${server.url}/api/admission-check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          geometry: { type: 'Polygon', coordinates: [square] },
          industry: 'C2614',
        }),
      })
      const { id, reasons } = (await answer.json()) as { id: string; reasons: string[] }
      expect(reasons.length).toBeGreaterThan(0)

      const lists: Record<string, { shown: string[]; recorded: string[] }> = {}
      for (const route of [`/en/check/?id=${id}`, `/check/?id=${id}`]) {
        const page = await open(route)
        await page.locator('[data-slot="reasons"] li').first().waitFor()
        lists[route] = {
          shown: await page.locator('[data-slot="reasons"] li').allInnerTexts(),
          recorded: await page.locator('[data-slot="recorded-reasons"] li').allInnerTexts(),
        }
        await page.close()
      }
      // The record's wording follows only where it says something the page's does not.
      for (const { shown, recorded } of Object.values(lists)) {
        expect(recorded).not.toEqual(shown)
      }
      expect(lists[`/check/?id=${id}`]!.recorded).toEqual(reasons)
    })

    it('answers a page that does not exist with an English 404 page', async () => {
      const page = await context.newPage()
      const response = await page.goto(`${server.url}/en/no-such-page/`)
      expect(response?.status()).toBe(404)
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await page.locator('h1').innerText()).toBe(en.notFound.heading)

      const unknownUnit = await page.goto(`${server.url}/en/units/ZH99999999999/`)
      expect(unknownUnit?.status()).toBe(404)
      expect(await page.locator('h1').innerText()).toBe(en.notFound.heading)

      // The Chinese pages keep their Chinese 404 page.
      await page.goto(`${server.url}/no-such-page/`)
      expect(await page.locator('h1').innerText()).toBe(zh.notFound.heading)
      await page.close()
    })

    it('redirects an English unit address to its canonical one; API clients get JSON', async () => {
      const lower = await fetch(`${server.url}/en/units/${CODE.toLowerCase()}?from=list`, {
        redirect: 'manual',
      })
      expect(lower.status).toBe(301)
      expect(lower.headers.get('location')).toBe(`/en/units/${CODE}/?from=list`)

      const json = await fetch(`${server.url}/en/no-such-page/`, {
        headers: { accept: 'application/json' },
      })
      expect(json.status).toBe(404)
      expect(json.headers.get('content-type')).toMatch(/json/)
    })

    it('fits the English map page on 360 px and 1280 px screens', async () => {
      for (const width of [360, 1280]) {
        const page = await open('/en/', width)
        await waitForMap(page)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `${width} px`).toBeLessThanOrEqual(0)
        await page.screenshot({
          path: path.join(ARTIFACTS, `portal-en-map-${width}.png`),
          fullPage: true,
        })
        await page.close()
      }
    })

    it('fits every English page on a 360 px screen', async () => {
      for (const route of PAGES) {
        const page = await open(route, 360)
        if (route.includes('/units/')) await page.locator('unit-page[data-state="found"]').waitFor()
        await page.waitForLoadState('networkidle')
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, route).toBeLessThanOrEqual(0)
        await page.close()
      }
    })

    it('loads nothing from outside the server and throws no script errors', () => {
      const origin = new URL(server.url).origin
      const fetched = browser.requests.filter((url) => url.startsWith('http'))
      const outside = fetched.filter((url) => new URL(url).origin !== origin)

      expect(fetched.length).toBeGreaterThan(0)
      expect(outside).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  },
)
