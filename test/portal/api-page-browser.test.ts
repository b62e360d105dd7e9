import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../portal/src/i18n/zh.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  ARTIFACTS,
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`API page browser tests ${SKIP_REASON}`)

describe.skipIf(SKIP_REASON !== undefined)(
  `the API page in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: RunningServer
    let browser: Browser

    beforeAll(async () => {
      server = await startServer({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium()
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it("is reached from the about page and runs no script but the footer's", async () => {
      const page = await browser.context.newPage()
      await page.goto(`${server.url}/about/`)
      await page.getByRole('link', { name: zh.apiPage.aboutLink }).click()
      await page.waitForURL(`${server.url}/about/api/`)

      expect(await page.locator('h1').innerText()).toBe(zh.apiPage.heading)
      // The footer's module, on every page, shows the served dataset's notice; nothing else runs.
      const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src))
      expect(scripts).toEqual([expect.stringMatching(/\/_astro\/DatasetStatus\.[^/]+\.js$/)])
      expect(await page.locator('main script').count()).toBe(0)
      const lookup = page.locator('section[data-method="get"][data-path="/api/lookup"]')
      expect(await lookup.locator('h3').innerText()).toMatch(/^GET\s+\/api\/lookup$/)
      expect(await lookup.locator('pre.example').innerText()).toContain('"$ORIGIN/api/lookup?')
      await page.close()
    })

    it('fits 360 px and 1280 px screens without sideways scrolling', async () => {
      for (const width of [360, 1280]) {
        const page = await browser.context.newPage()
        await page.setViewportSize({ width, height: 800 })
        await page.goto(`${server.url}/about/api/`)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `${width} px`).toBeLessThanOrEqual(0)
        await page.screenshot({ path: path.join(ARTIFACTS, `portal-about-api-${width}.png`) })
        await page.close()
      }
    })

    it('loads nothing from outside the server and throws no script errors', () => {
      const origin = new URL(server.url).origin
      const fetched = browser.requests.filter((url) => url.startsWith('http'))
      const outside = fetched.filter((url) => new URL(url).origin !== origin)

      expect(fetched).toContain(`${server.url}/about/api/`)
      expect(outside).toEqual([])
      expect(browser.pageErrors).toEqual([])
    })
  },
)
