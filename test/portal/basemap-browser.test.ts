import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/start.ts'
import { pngWith } from '../reports/support/photo-files.ts'
import {
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`basemap browser tests ${SKIP_REASON}`)

type MapHandle = import('maplibre-gl').Map

const ATTRIBUTION = '示例底图 © 本地测试'

/**
 * A raster tile server on another loopback port, so another origin: it answers every
 * `/{z}/{x}/{y}.png` with the same small PNG, as a CORS-enabled provider does, and keeps the
 * paths it was asked for.
 */
async function startTileServer(): Promise<{ origin: string; asked: string[]; server: Server }> {
  const asked: string[] = []
  const tile = pngWith()
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    const ok = /^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')
    res.writeHead(ok ? 200 : 404, {
      'content-type': ok ? 'image/png' : 'text/plain',
      'access-control-allow-origin': '*',
    })
    res.end(ok ? tile : 'no such tile')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, asked, server }
}

describe.skipIf(SKIP_REASON !== undefined)(
  `a configured basemap in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 120_000 },
  () => {
    let tiles: Awaited<ReturnType<typeof startTileServer>>
    let server: RunningServer
    let browser: Browser

    beforeAll(async () => {
      tiles = await startTileServer()
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        basemap: {
          tiles: [`${tiles.origin}/{z}/{x}/{y}.png`],
          attribution: ATTRIBUTION,
          maxzoom: 18,
        },
      })
      browser = await launchChromium()
    }, 300_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      tiles?.server.close()
    })

    it('draws the basemap under the zoning, credits it, and the policy lets it in', async () => {
      const page = await browser.context.newPage()
      await page.goto(`${server.url}/`)
      await page.locator('[data-map][data-map-ready="true"]').waitFor({ timeout: 60_000 })
      await expect.poll(() => tiles.asked.length, { timeout: 30_000 }).toBeGreaterThan(0)

      const order = await page.evaluate(() => {
        const map = (window as unknown as { ecozoningMap: MapHandle }).ecozoningMap
        return map.getStyle().layers.map((layer) => layer.id)
      })
      expect(order.indexOf('basemap-0')).toBeGreaterThan(order.indexOf('background'))
      const firstFill = order.findIndex((id) => id.startsWith('control_units-fill-'))
      expect(order.indexOf('basemap-0')).toBeLessThan(firstFill)
      expect(tiles.asked.every((asked) => /^\/\d+\/\d+\/\d+\.png$/.test(asked))).toBe(true)

      // The compact control keeps its text in the page while folded.
      expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(ATTRIBUTION)
      expect(browser.pageErrors).toEqual([])
      await page.close()
    })

    it('answers the settings the maps read, and names the tile origin in the policy', async () => {
      const settings = await (await fetch(`${server.url}/api/map-settings`)).json()
      expect(settings).toEqual({
        basemap: {
          tiles: [`${tiles.origin}/{z}/{x}/{y}.png`],
          attribution: ATTRIBUTION,
          maxzoom: 18,
        },
      })

      const policy = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? ''
      const directive = (name: string) =>
        policy
          .split(';')
          .map((part) => part.trim())
          .find((part) => part.startsWith(`${name} `))
      expect(directive('connect-src')?.split(' ')).toContain(tiles.origin)
      expect(directive('img-src')?.split(' ')).toContain(tiles.origin)
      expect(directive('script-src')).toBe("script-src 'self'")
    })
  },
)
