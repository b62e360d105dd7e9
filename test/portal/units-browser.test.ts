import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../portal/src/i18n/zh.ts'
import { SAMPLE_DIR } from '../../server/data/sample-loader.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`unit page browser tests ${SKIP_REASON}`)

/** What the test page reads from `window.ecozoningMap`, typed for the evaluate callbacks. */
type MapHandle = import('maplibre-gl').Map
type Box = [number, number, number, number]

// The sample's 衡阳松木经济开发区 unit; what the page must show is read from the sample's own
// files, not from the API that fills the page.
const CODE = 'ZH43040720001'
const sampleUnit = (
  JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'control_units.geojson'), 'utf8')) as {
    features: { properties: { code: string; name: string; class: string; area_km2: number } }[]
  }
).features.find((feature) => feature.properties.code === CODE)!.properties
const ownRules = (
  JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'rules.json'), 'utf8')) as {
    code: string
    unit_code?: string
    unit_class?: string
  }[]
)
  .filter((rule) => rule.unit_code === CODE || rule.unit_class === sampleUnit.class)
  .map((rule) => rule.code)

describe.skipIf(SKIP_REASON !== undefined)(
  `unit pages and the place search in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
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

    async function openUnit(code: string, width = 1280): Promise<Page> {
      const page = await context.newPage()
      await page.setViewportSize({ width, height: 800 })
      const response = await page.goto(`${server.url}/units/${code}/`)
      expect(response?.status()).toBe(200)
      await page.locator('unit-page[data-state="found"]').waitFor()
      return page
    }

    async function waitForMap(page: Page): Promise<void> {
      const ready = page.locator('[data-map][data-map-ready="true"]')
      await ready.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
        const status = await page.locator('[data-map-status]').textContent()
        throw new Error(`the map never became ready; its status says "${status}"`, {
          cause: error,
        })
      })
    }

    async function openMapPage(width = 1280): Promise<Page> {
      const page = await context.newPage()
      await page.setViewportSize({ width, height: 800 })
      await page.goto(`${server.url}/`)
      await waitForMap(page)
      return page
    }

    /** Waits until the map has stopped moving with its view on the box's middle. */
    async function waitForView(page: Page, box: Box, whole: boolean): Promise<void> {
      await page.waitForFunction(
        ([[west, south, east, north], whole]) => {
          const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
          if (map.isMoving()) return false
          const view = map.getBounds()
          const { lng, lat } = map.getCenter()
          if (whole) {
            // Fitted: the whole box in view.
            return (
              view.getWest() <= west + 1e-6 &&
              view.getEast() >= east - 1e-6 &&
              view.getSouth() <= south + 1e-6 &&
              view.getNorth() >= north - 1e-6
            )
          }
          return lng > west && lng < east && lat > south && lat < north
        },
        [box, whole] as const,
        { timeout: 30_000 },
      )
    }

    /** The search's options (the page's coordinate form has a select of its own). */
    const options = (page: Page) =>
      page.getByRole('listbox', { name: zh.units.search.listLabel }).getByRole('option')

    async function unitFromApi(code: string) {
      const response = await fetch(`${server.url}/api/units/${code}`)
      return (await response.json()) as { bbox: Box; rules: { code: string }[] }
    }

    it('shows a unit’s name, code, class, area and its rules by dimension', async () => {
      const page = await openUnit(CODE)
      const api = await unitFromApi(CODE)

      expect(await page.locator('h1').innerText()).toBe(sampleUnit.name)
      expect(await page.locator('[data-field="code"]').first().innerText()).toBe(CODE)
      expect(await page.locator('[data-field="class"]').innerText()).toBe(zh.unitClass.key)
      expect(await page.locator('[data-field="area"]').innerText()).toBe(
        zh.units.areaValue(sampleUnit.area_km2.toFixed(2)),
      )
      expect(await page.title()).toContain(sampleUnit.name)

      const dimensions = page.locator('[data-rule-group] [data-field="dimension"]')
      expect(await dimensions.allTextContents()).toEqual(Object.values(zh.dimension))
      const shown = await page
        .locator('li[data-rule]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')))
      expect(shown).toHaveLength(api.rules.length)
      // The unit's own rules and its class's hold in all of it, whatever else does.
      expect(shown).toEqual(expect.arrayContaining(ownRules))
      expect(ownRules.length).toBeGreaterThan(5)
      await page.close()
    })

    it('says without script that the page needs it, and does not claim to be loading', async () => {
      const page = await context.newPage()
      const session = await context.newCDPSession(page)
      await session.send('Emulation.setScriptExecutionDisabled', { value: true })
      await page.goto(`${server.url}/units/${CODE}/`)
      expect(await page.locator('unit-page noscript').textContent()).toContain(zh.units.noScript)
      expect(await page.locator('[data-loading]').isVisible()).toBe(false)
      await page.close()
    })

    it('draws the unit on its map from the product’s tiles, the whole unit in view', async () => {
      const page = await openUnit(CODE)
      await waitForMap(page)
      const { bbox } = await unitFromApi(CODE)
      await waitForView(page, bbox, true)

      const drawn = await page.evaluate(() => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const codes = (layer: string) => [
          ...new Set(
            map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.code)),
          ),
        ]
        return {
          outlined: codes('control_units-selected'),
          washedOut: codes('unit-page-other-units'),
        }
      })
      expect(drawn.outlined).toEqual([CODE])
      expect(drawn.washedOut.length).toBeGreaterThan(0)
      expect(drawn.washedOut).not.toContain(CODE)
      await page.close()
    })

    it.each([
      ['an unknown unit', '/units/ZH43040799999/'],
      ['a malformed code', '/units/ZH4304/'],
      ['the page file’s own address', '/units/unit/'],
    ])('answers %s with the 404 page', async (_, address) => {
      const page = await context.newPage()
      const response = await page.goto(`${server.url}${address}`)
      expect(response?.status()).toBe(404)
      expect(await page.locator('h1').innerText()).toBe(zh.notFound.heading)
      await page.close()
    })

    it('picks a unit with the keyboard, opens it in the panel, moves the map to it', async () => {
      const page = await openMapPage()
      const box = page.getByRole('combobox', { name: zh.units.search.label })
      await box.focus()
      await page.keyboard.type('松木经济开发区重点')
      // The text goes in a key at a time; the list settles once the last search answers.
      await page.getByText(zh.units.search.found('1', false)).waitFor({ state: 'attached' })
      const option = options(page)
      expect(await option.count()).toBe(1)
      expect(await box.getAttribute('aria-expanded')).toBe('true')

      await page.keyboard.press('ArrowDown')
      expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'))
      await page.keyboard.press('Enter')

      const code = page.locator('[data-unit-card] [data-field="code"]')
      await code.waitFor()
      expect(await code.textContent()).toBe(CODE)
      expect(await box.getAttribute('aria-expanded')).toBe('false')
      await waitForView(page, (await unitFromApi(CODE)).bbox, false)

      const outlined = await page.evaluate(() => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const features = map.queryRenderedFeatures({ layers: ['control_units-selected'] })
        return [...new Set(features.map((feature) => String(feature.properties.code)))]
      })
      expect(outlined).toEqual([CODE])
      expect(
        await page.locator('[data-place-chosen] a').getAttribute('href'),
        'the link to the unit page beside the search',
      ).toBe(`/units/${CODE}/`)

      // The panel's card links to the same page, which opens the unit.
      await page.locator('[data-unit-card] a[data-unit-page-link]').click()
      await page.locator('unit-page[data-state="found"]').waitFor()
      expect(new URL(page.url()).pathname).toBe(`/units/${CODE}/`)
      expect(await page.locator('h1').innerText()).toBe(sampleUnit.name)
      await page.close()
    })

    it('fits the map to a district chosen from the list', async () => {
      const page = await openMapPage()
      const search = (await (
        await fetch(`${server.url}/api/search?q=${encodeURIComponent('衡南县')}`)
      ).json()) as { hits: { kind: string; name: string; bbox: Box }[] }
      const district = search.hits[0]!
      expect(district).toMatchObject({ kind: 'district', name: '衡南县' })

      await page.getByRole('combobox', { name: zh.units.search.label }).fill('衡南县')
      await options(page).first().waitFor()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')

      await waitForView(page, district.bbox, true)
      expect(await page.locator('[data-place-chosen]').innerText()).toBe(
        zh.units.search.shownPlace('衡南县'),
      )
      await page.close()
    })

    it('closes on Escape, searches from the button, says when nothing matches', async () => {
      const page = await openMapPage()
      const box = page.getByRole('combobox', { name: zh.units.search.label })
      await box.fill('衡南')
      await options(page).first().waitFor()
      await page.keyboard.press('Escape')
      expect(await box.getAttribute('aria-expanded')).toBe('false')

      // The button searches again and opens the list under the text box.
      await page.getByRole('button', { name: zh.units.search.submit, exact: true }).click()
      await options(page).first().waitFor()
      expect(await box.getAttribute('aria-expanded')).toBe('true')

      await box.fill('不存在的地名')
      await page.getByText(zh.units.search.none('不存在的地名')).waitFor({ state: 'attached' })
      expect(await options(page).count()).toBe(0)
      await page.close()
    })

    it('fits 360 px and 1280 px screens without sideways scrolling', async () => {
      for (const width of [360, 1280]) {
        const unitPage = await openUnit(CODE, width)
        await waitForMap(unitPage)
        const mapPage = await openMapPage(width)
        await mapPage.getByRole('combobox', { name: zh.units.search.label }).fill('衡阳')
        await options(mapPage).first().waitFor()
        // On a phone the search sits below the map: bring it and its list into the picture.
        await mapPage.evaluate(() =>
          document.querySelector('place-search')?.scrollIntoView({ block: 'start' }),
        )

        for (const [name, page] of [
          ['unit', unitPage],
          ['search', mapPage],
        ] as const) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          )
          expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0)
          await page.screenshot({
            path: path.join(ARTIFACTS, `units-${name}-${width}.png`),
            fullPage: name === 'unit',
          })
          await page.close()
        }
      }
    })

    it('loads nothing from outside the server and throws no script errors', () => {
      const origin = new URL(server.url).origin
      const fetched = browser.requests.filter((url) => url.startsWith('http'))
      const outside = fetched.filter((url) => new URL(url).origin !== origin)

      expect(fetched.some((url) => url.includes('/api/units/'))).toBe(true)
      expect(fetched.some((url) => url.includes('/api/search?'))).toBe(true)
      expect(outside).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  },
)
