import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/start.ts'
import {
  CHROMIUM_SKIP_REASON as SKIP_REASON,
  launchChromium,
  type Browser,
} from '../support/chromium.ts'

if (SKIP_REASON) console.warn(`contrast browser tests ${SKIP_REASON}`)

/** Every page a visitor reaches from the navigation or the footer, and the 404 page. */
const PAGES = [
  '/',
  '/precheck/',
  '/report/',
  '/report/new/',
  '/report/track/',
  '/about/',
  '/about/api/',
  '/staff/',
  '/x/',
]

interface TextSample {
  text: string
  colour: string
  background: string
  fontPx: number
  bold: boolean
}

/**
 * The text colour of each visible element holding text of its own, and the colour behind it:
 * the first opaque background among itself and its ancestors. Text drawn over the map canvas
 * or an image has no such colour and is left out, as is text inside the map, which maplibre
 * styles.
 */
function sampleText(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const samples: TextSample[] = []
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim()
      if (own === '' || element.closest('.maplibregl-map, noscript, script, style')) continue
      if (element.getClientRects().length === 0) continue
      const style = getComputedStyle(element)
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue
      // Visually hidden text for screen readers is clipped to nothing.
      const box = element.getBoundingClientRect()
      if (box.width <= 1 || box.height <= 1) continue

      let background = ''
      for (let at: HTMLElement | null = element; at; at = at.parentElement) {
        const look = getComputedStyle(at)
        if (look.backgroundImage !== 'none') break
        const colour = look.backgroundColor
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
          background = colour
          break
        }
      }
      if (background === '') continue
      samples.push({
        text: own.slice(0, 40),
        colour: style.color,
        background,
        fontPx: parseFloat(style.fontSize),
        bold: Number(style.fontWeight) >= 700,
      })
    }
    return samples
  })
}

/** `rgb(…)`/`rgba(…)` as channels 0–255 and alpha 0–1. */
function channels(css: string): [number, number, number, number] {
  const parts = css.match(/[\d.]+/g)?.map(Number) ?? []
  if (parts.length < 3) throw new Error(`not an rgb() colour: ${css}`)
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1]
}

/** Relative luminance as WCAG 2 defines it, from sRGB channels. */
function luminance([r, g, b]: number[]): number {
  const linear = (value: number) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!)
}

/** The contrast ratio of text over its background, a half-transparent text blended first. */
function contrast(text: string, background: string): number {
  const under = channels(background)
  const [r, g, b, a] = channels(text)
  const blended = [r, g, b].map((value, i) => value * a + under[i]! * (1 - a))
  const [light, dark] = [luminance(blended), luminance(under)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/** WCAG AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). */
function required(sample: TextSample): number {
  const large = sample.fontPx >= 24 || (sample.bold && sample.fontPx >= 18.66)
  return large ? 3 : 4.5
}

describe('contrast arithmetic', () => {
  it('gives the known extremes and a known middle', () => {
    expect(contrast('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5)
    expect(contrast('rgb(255, 255, 255)', 'rgb(255, 255, 255)')).toBeCloseTo(1, 5)
    // #767676 on white is the lightest grey that passes AA: 4.54:1.
    expect(contrast('rgb(118, 118, 118)', 'rgb(255, 255, 255)')).toBeCloseTo(4.54, 2)
  })
})

describe.skipIf(SKIP_REASON !== undefined)(
  `text contrast of the portal in Chromium${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
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

    async function open(path: string): Promise<Page> {
      const page = await browser.context.newPage()
      await page.goto(`${server.url}${path}`)
      await page.waitForLoadState('networkidle')
      return page
    }

    async function lowContrast(page: Page): Promise<string[]> {
      const samples = await sampleText(page)
      expect(samples.length).toBeGreaterThan(5)
      return samples
        .map((sample) => ({ ...sample, ratio: contrast(sample.colour, sample.background) }))
        .filter((sample) => sample.ratio < required(sample))
        .map((s) => `"${s.text}" ${s.colour} on ${s.background}: ${s.ratio.toFixed(2)}`)
    }

    it.each(PAGES)('keeps AA contrast for every text on %s', async (path) => {
      const page = await open(path)
      expect(await lowContrast(page)).toEqual([])
      await page.close()
    })

    it('keeps AA contrast in a lookup answer, its rules coloured by effect', async () => {
      const page = await open('/')
      await page.locator('[data-lon]').fill('112.57')
      await page.locator('[data-lat]').fill('26.89')
      await page.locator('[data-lon]').press('Enter')
      await page.locator('[data-unit-card] [data-field="code"]').waitFor()
      expect(await lowContrast(page)).toEqual([])
      await page.close()
    })

    it('keeps AA contrast on a unit page, its rules coloured by effect', async () => {
      const lookup = await fetch(`${server.url}/api/lookup?lon=112.57&lat=26.89`)
      const { unit } = (await lookup.json()) as { unit: { code: string } }
      const page = await open(`/units/${unit.code}/`)
      await page.getByText(unit.code).first().waitFor()
      expect(await lowContrast(page)).toEqual([])
      await page.close()
    })

    it('finds pale text when a page has some', async () => {
      const page = await open('/about/')
      await page.evaluate(() => {
        const pale = document.createElement('p')
        pale.textContent = 'pale grey text'
        pale.style.color = '#aaaaaa'
        document.querySelector('main')?.append(pale)
      })
      expect(await lowContrast(page)).toEqual([expect.stringMatching(/^"pale grey text"/)])
      await page.close()
    })
  },
)
