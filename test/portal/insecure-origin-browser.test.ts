import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../portal/src/i18n/zh.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`insecure origin browser tests ${SKIP_REASON}`)

// An intranet name served over plain HTTP, as a bureau's own servers often are: browsers treat
// it as an insecure context, unlike localhost, and refuse it the device's location (they do not
// even let a test grant it). The API is still there, so only the page can tell it will fail.
const HOST = 'zoning.intranet.test'

describe.skipIf(SKIP_REASON !== undefined)(
  `the portal over plain HTTP under an intranet name${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let server: RunningServer
    let browser: Browser
    let origin: string

    beforeAll(async () => {
      server = await startServer({ port: 0, host: '127.0.0.1' })
      browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`])
      origin = `http://${HOST}:${new URL(server.url).port}`
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it('does not offer the location on the map page', async () => {
      const page = await browser.context.newPage()
      await page.goto(`${origin}/`)
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
      await page.locator('lookup-form form').waitFor()
      await page.waitForFunction(() => customElements.get('lookup-form') !== undefined)

      expect(await page.locator('[data-locate]').isHidden()).toBe(true)
      expect(await page.locator('[data-locate-note]').isHidden()).toBe(true)
      await page.close()
    })

    it('says why on the report form instead of blaming the browser', async () => {
      const page = await browser.context.newPage()
      await page.goto(`${origin}/report/new/`)
      await page.getByRole('button', { name: zh.locate.button }).click()

      await expect
        .poll(() => page.locator('[data-locate-status]').textContent())
        .toBe(zh.locate.insecure)
      await page.close()
    })
  },
)
