import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Koa from 'koa'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorMiddleware } from '../../server/http/error-middleware.ts'
import { portalPages } from '../../server/http/portal-pages.ts'
import { unitPages } from '../../server/http/unit-pages.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// The unit page route over a stand-in portal folder (the page and the 404 page as two marked
// files), in front of the static files as the app puts it, on the fixture's units.

const UNIT_PAGE = '<!doctype html><title>unit page</title>'
// Links to itself as the built page carries them: to the file's own address, in each language.
const SELF_LINKS =
  '<link rel="alternate" hreflang="en" href="/en/units/unit/">' +
  '<a href="/units/unit/">中文</a><a href="/en/units/unit/">English</a>'
const NOT_FOUND_PAGE = '<!doctype html><title>404 page</title>'
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`GET /units/{code}/ ${backend.title}`, () => {
    let server: TestServer
    let pages: Server
    let url: string
    let portalDir: string

    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
      portalDir = mkdtempSync(path.join(tmpdir(), 'ecozoning-portal-'))
      mkdirSync(path.join(portalDir, 'units', 'unit'), { recursive: true })
      writeFileSync(path.join(portalDir, 'units', 'unit', 'index.html'), UNIT_PAGE + SELF_LINKS)
      writeFileSync(path.join(portalDir, '404.html'), NOT_FOUND_PAGE)

      const app = new Koa()
      app.silent = true
      app.use(errorMiddleware(pino({ level: 'silent' })))
      app.use(unitPages(server.db, portalDir))
      app.use(portalPages(portalDir))
      pages = createServer(app.callback()).listen(0, '127.0.0.1')
      await once(pages, 'listening')
      url = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`
    })

    afterAll(async () => {
      pages?.close()
      await server?.close()
      if (portalDir) rmSync(portalDir, { recursive: true, force: true })
    })

    const get = (pathname: string, headers: Record<string, string> = HTML) =>
      fetch(url + pathname, { headers, redirect: 'manual' })

    it('serves the unit page for a loaded unit, not to be kept without asking again', async () => {
      const response = await get('/units/ZH43042110001/')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toBe(
        UNIT_PAGE +
          '<link rel="alternate" hreflang="en" href="/en/units/ZH43042110001/">' +
          '<a href="/units/ZH43042110001/">中文</a><a href="/en/units/ZH43042110001/">English</a>',
      )
    })

    it.each([
      ['/units/zh43042110001/', '/units/ZH43042110001/'],
      ['/units/ZH43042110001', '/units/ZH43042110001/'],
      ['/units/ZH43042110001?from=search', '/units/ZH43042110001/?from=search'],
    ])('redirects %s to its canonical address', async (pathname, location) => {
      const response = await get(pathname)
      expect(response.status).toBe(301)
      expect(response.headers.get('location')).toBe(location)
    })

    it.each([
      ['an unknown unit', '/units/ZH43042199999/'],
      ['a malformed code', '/units/ZH4304211/'],
      ['a path up the tree', '/units/..%2F..%2F404.html/'],
      ['the page file’s own address', '/units/unit/'],
      ['the page file itself', '/units/unit/index.html'],
      ['the folder', '/units/'],
      ['a code with more after it', '/units/ZH43042110001/rules/'],
    ])('answers a browser asking for %s with the 404 page', async (_, pathname) => {
      const response = await get(pathname)
      expect(response.status).toBe(404)
      expect(await response.text()).toBe(NOT_FOUND_PAGE)
    })

    it('answers an API client asking for an unknown unit with a JSON error naming it', async () => {
      for (const [path, says] of [
        ['/units/ZH43042199999/', /ZH43042199999/],
        ['/units/not-a-code/', /ZH and 11 digits/],
      ] as const) {
        const response = await get(path, { accept: 'application/json' })
        expect(response.status).toBe(404)
        const { error } = (await response.json()) as {
          error: { code: string; message: string; field: string }
        }
        expect(error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'code' })
        expect(error.message).toMatch(says)
      }
    })

    it('answers a path beginning with two slashes as any unknown path', async () => {
      // The static file server refuses such a path as absolute, with a 400 about URL encoding.
      for (const pathname of ['//tiles/zoning.json', '//404.html', '///units/']) {
        const page = await get(pathname)
        expect(page.status, pathname).toBe(404)
        expect(await page.text()).toBe(NOT_FOUND_PAGE)
        const json = await get(pathname, { accept: 'application/json' })
        expect(json.status, pathname).toBe(404)
        expect(await json.json()).toEqual({
          error: { code: 'NOT_FOUND', message: `No route for GET ${pathname}.` },
        })
      }
    })

    it('leaves other methods to the rest of the app', async () => {
      const response = await fetch(`${url}/units/ZH43042110001/`, { method: 'POST' })
      expect(response.status).toBe(404)
    })
  })
}
