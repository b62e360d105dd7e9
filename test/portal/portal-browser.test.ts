import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../portal/src/i18n/zh.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`portal browser tests ${SKIP_REASON}`)

/** What the test page reads from `window.ecozoningMap`, typed for the evaluate callbacks. */
type MapHandle = import('maplibre-gl').Map

describe.skipIf(SKIP_REASON !== undefined)(
  `portal in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
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

    async function openMap(width = 1280, height = 800): Promise<Page> {
      const page = await context.newPage()
      await page.setViewportSize({ width, height })
      await page.goto(`${server.url}/`)

      const ready = page.locator('[data-map][data-map-ready="true"]')
      await ready.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
        const status = await page.locator('[data-map-status]').textContent()
        throw new Error(`the map never became ready; its status says "${status}"`, {
          cause: error,
        })
      })
      return page
    }

    interface LookupBody {
      unit: { code: string } | null
      rules: unknown[]
    }

    async function lookup(lon: number, lat: number): Promise<LookupBody | undefined> {
      const response = await fetch(`${server.url}/api/lookup?lon=${lon}&lat=${lat}`)
      return response.ok ? ((await response.json()) as LookupBody) : undefined
    }

    async function lookupCode(lon: number, lat: number): Promise<string | undefined> {
      return (await lookup(lon, lat))?.unit?.code
    }

    it('renders the control units of the Hengyang view', async () => {
      const page = await openMap()
      const codes = await page.evaluate(() => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const layers = map
          .getStyle()
          .layers.filter((layer) => 'source' in layer && layer.source === 'control_units')
          .map((layer) => layer.id)
        const features = map.queryRenderedFeatures({ layers })
        return [...new Set(features.map((feature) => String(feature.properties.code)))]
      })

      const dataset = (await (await fetch(`${server.url}/api/dataset`)).json()) as {
        layers: { name: string; feature_count: number }[]
      }
      const unitCount = dataset.layers.find(
        (layer) => layer.name === 'control_units',
      )?.feature_count

      expect(codes.length).toBeGreaterThanOrEqual(10)
      expect(codes.length).toBeLessThanOrEqual(unitCount ?? 0)
      await page.close()
    })

    it('shows the unit under a clicked point, the one the lookup API names', async () => {
      const page = await openMap()

      // A point well inside one unit: every rendered unit in a 9 px box around it is the same.
      const target = await page.evaluate(() => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        const { clientWidth: width, clientHeight: height } = map.getCanvas()
        const candidates = [
          [0.5, 0.5],
          [0.45, 0.55],
          [0.55, 0.45],
          [0.4, 0.4],
          [0.6, 0.6],
          [0.35, 0.6],
          [0.65, 0.4],
        ]
        for (const [fx = 0, fy = 0] of candidates) {
          const x = Math.round(width * fx)
          const y = Math.round(height * fy)
          const around = map.queryRenderedFeatures(
            [
              [x - 4, y - 4],
              [x + 4, y + 4],
            ],
            { layers: ['general', 'key', 'priority'].map((c) => `control_units-fill-${c}`) },
          )
          const codes = new Set(around.map((feature) => String(feature.properties.code)))
          if (codes.size !== 1) continue

          const { lng, lat } = map.unproject([x, y])
          return { x, y, lon: lng, lat, rendered: [...codes][0] }
        }
        return undefined
      })
      expect(target, 'no point near the centre lies well inside a unit').toBeDefined()
      if (!target) return

      const expected = await lookup(target.lon, target.lat)
      expect(expected?.unit?.code).toBe(target.rendered)

      await page.locator('[data-map] canvas').click({ position: { x: target.x, y: target.y } })
      const code = page.locator('[data-unit-card] [data-field="code"]')
      await code.waitFor()
      expect(await code.textContent()).toBe(expected?.unit?.code)

      const rules = page.locator('[data-result] .rule')
      const dimensions = page.locator('[data-result] .rule-group [data-field="dimension"]')
      expect(await rules.count()).toBe(expected?.rules.length)
      if (expected?.rules.length) {
        expect(await dimensions.allTextContents()).toEqual(Object.values(zh.dimension))
      }
      await page.close()
    })

    it('looks up the map centre from the keyboard and moves focus to the answer', async () => {
      const page = await openMap()
      const centre = await page.evaluate(() => {
        const { lng, lat } = (
          window as unknown as { ecozoningMap: MapHandle }
        ).ecozoningMap.getCenter()
        return { lon: lng, lat }
      })

      await page.getByRole('button', { name: zh.map.queryCentre }).focus()
      await page.keyboard.press('Enter')
      await page.locator('[data-unit-card] [data-field="code"]').waitFor()

      expect(await page.locator('[data-unit-card] [data-field="code"]').textContent()).toBe(
        await lookupCode(centre.lon, centre.lat),
      )
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(zh.panel.heading)
      await page.close()
    })

    it('answers the coordinate form, and says so when the point is outside the city', async () => {
      const page = await openMap()
      const lon = 112.57
      const lat = 26.89

      await page.getByLabel(zh.lookupForm.lon, { exact: true }).fill(String(lon))
      await page.getByLabel(zh.lookupForm.lat, { exact: true }).fill(String(lat))
      await page.getByRole('button', { name: zh.lookupForm.submit, exact: true }).click()
      const code = page.locator('[data-unit-card] [data-field="code"]')
      await code.waitFor()
      expect(await code.textContent()).toBe(await lookupCode(lon, lat))

      await page.getByLabel(zh.lookupForm.lon, { exact: true }).fill('100')
      await page.getByLabel(zh.lookupForm.lat, { exact: true }).fill('30')
      await page.getByRole('button', { name: zh.lookupForm.submit, exact: true }).click()
      await page.getByText(zh.panel.outside).waitFor()
      expect(await code.count()).toBe(0)
      // The server's own words follow, introduced as English and marked so.
      const detail = page.locator('lookup-panel [data-detail]')
      expect(await detail.textContent()).toMatch(
        new RegExp(`^${zh.panel.serverSays}The point lies outside`),
      )
      expect(await detail.locator('[lang="en"]').count()).toBe(1)
      await page.close()
    })

    it('writes district names that do not overlap, and hides them with the layer', async () => {
      const { districts } = (await (await fetch(`${server.url}/api/districts`)).json()) as {
        districts: { name: string; label: [number, number] }[]
      }
      const page = await openMap()
      const labels = page.locator('[data-district-label]')
      await expect.poll(() => labels.count()).toBe(districts.length)
      const shownBoxes = () =>
        labels.evaluateAll((elements) =>
          elements
            .filter((e) => !(e as HTMLElement).hidden)
            .map((e) => {
              const { left, right, top, bottom } = e.getBoundingClientRect()
              return { name: e.textContent ?? '', left, right, top, bottom }
            }),
        )

      const overview = await shownBoxes()
      expect(overview.length).toBeGreaterThan(districts.length / 2)
      for (const [i, a] of overview.entries()) {
        for (const b of overview.slice(i + 1)) {
          const apart =
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
          expect(apart, `${a.name} and ${b.name}`).toBe(true)
        }
      }

      // A name that gave way to a larger district's shows once the map is close to it.
      const gaveWay = districts.find((d) => !overview.some((shown) => shown.name === d.name))
      if (gaveWay) {
        await page.evaluate((centre) => {
          const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
          map.jumpTo({ center: centre, zoom: 12 })
        }, gaveWay.label)
        await expect
          .poll(async () => (await shownBoxes()).map((box) => box.name))
          .toContain(gaveWay.name)
      }

      await page.getByRole('checkbox', { name: zh.layer.districts }).uncheck()
      expect(await shownBoxes()).toEqual([])
      await page.close()
    })

    it('looks up where the device is from the location button', async () => {
      const lon = 112.61
      const lat = 26.9
      await context.grantPermissions(['geolocation'], { origin: server.url })
      await context.setGeolocation({ longitude: lon, latitude: lat, accuracy: 12 })
      const page = await openMap()

      await page.getByRole('button', { name: zh.locate.button, exact: true }).click()
      const code = page.locator('[data-unit-card] [data-field="code"]')
      await code.waitFor()

      expect(await code.textContent()).toBe(await lookupCode(lon, lat))
      expect(await page.getByLabel(zh.lookupForm.lon, { exact: true }).inputValue()).toBe(
        lon.toFixed(6),
      )
      expect(await page.locator('[data-locate-status]').textContent()).toBe(
        zh.locate.located(lon.toFixed(6), lat.toFixed(6), '12'),
      )
      await context.clearPermissions()
      await page.close()
    })

    it('explains how to report pollution through 12369 without any script', async () => {
      // The guide is in the page as served: only the footer's data notice runs a script.
      const html = await (await fetch(`${server.url}/report/`)).text()
      expect(html).toContain('12369')
      for (const category of zh.report.categories) expect(html).toContain(category.term)

      const page = await context.newPage()
      await page.goto(`${server.url}/report/`)
      const text = await page.locator('main').innerText()
      expect(text).toContain('12369')
      for (const category of zh.report.categories) expect(text).toContain(category.term)
      expect(await page.locator('main script').count()).toBe(0)
      await page.close()
    })

    it('tells map clients where the TileJSON and the style are, with a QGIS how-to', async () => {
      const page = await context.newPage()
      await page.goto(`${server.url}/about/`)
      const text = await page.locator('main').innerText()

      for (const address of ['/tiles/zoning.json', '/styles/zoning.json', '/tiles/{图层}.json']) {
        expect(text).toContain(address)
      }
      expect(text).toContain('QGIS')
      // The addresses it names answer.
      for (const address of ['/tiles/zoning.json', '/styles/zoning.json']) {
        expect((await fetch(`${server.url}${address}`)).status).toBe(200)
      }
      await page.close()
    })

    it('shows its own 404 page for a page that does not exist', async () => {
      const page = await context.newPage()
      const response = await page.goto(`${server.url}/no-such-page/`)
      expect(response?.status()).toBe(404)
      expect(await page.locator('h1').innerText()).toBe(zh.notFound.heading)
      await page.close()
    })

    it('fits 360 px and 1280 px screens without sideways scrolling', async () => {
      for (const width of [360, 1280]) {
        for (const route of ['/', '/report/', '/about/']) {
          const page = route === '/' ? await openMap(width, 800) : await context.newPage()
          if (route !== '/') {
            await page.setViewportSize({ width, height: 800 })
            await page.goto(`${server.url}${route}`)
          }

          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          )
          expect(overflow, `${route} at ${width} px`).toBeLessThanOrEqual(0)

          const name = route === '/' ? 'map' : route.replaceAll('/', '')
          await page.screenshot({
            path: path.join(ARTIFACTS, `portal-${name}-${width}.png`),
            fullPage: true,
          })
          await page.close()
        }
      }
    })

    it('runs no script the portal did not ship', async () => {
      const page = await openMap()
      const errorsBefore = browser.pageErrors.length
      // An injected inline script, as a cross-site scripting hole would run one.
      await page.addScriptTag({ content: 'window.injected = true' }).catch(() => undefined)
      expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined()
      // The pages' own scripts ran: the map is there.
      expect(await page.locator('[data-map][data-map-ready="true"]').count()).toBe(1)
      // The blocked script shows as a policy violation, and nothing else went wrong.
      const added = browser.pageErrors.splice(errorsBefore)
      expect(added.length).toBeGreaterThan(0)
      expect(added.filter((error) => !/Content Security Policy/.test(error))).toEqual([])
      await page.close()
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
