import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Where browser suites keep their screenshots and PDFs for people to look at. */
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts')

/** Why browser suites are skipped on this machine; undefined when Chromium is there. */
export const CHROMIUM_SKIP_REASON = existsSync(CHROMIUM)
  ? undefined
  : `skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package to run it`

/**
 * Without a GPU, Chromium draws WebGL through SwiftShader, a CPU renderer behind ANGLE. Since
 * Chromium 137 that fallback needs --enable-unsafe-swiftshader outside headless mode; the
 * flags are spelled out so that a machine with a GPU renders the same way. The rest keep the
 * browser from calling home, which would break the same-origin checks.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export interface Browser {
  context: BrowserContext
  /** Every URL a page of the context requested, in order. */
  requests: string[]
  /** Uncaught script errors, and what the content security policy blocked, of every page. */
  pageErrors: string[]
  close(): Promise<void>
}

/**
 * Starts headless Chromium with a throwaway profile, recording every request and uncaught page
 * error, and makes sure the artifacts folder exists. `extraArgs` go on its command line.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ecozoning-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 800 },
  })
  const requests: string[] = []
  const pageErrors: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('page', (page) => {
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // What the content security policy blocks shows only on the console.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text())
    })
  })
  mkdirSync(ARTIFACTS, { recursive: true })

  return {
    context,
    requests,
    pageErrors,
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
