import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Context, Next } from 'koa'
import type { Queryable } from '../db/database.ts'
import { normaliseUnitCode } from '../zoning/unit-code.ts'
import { unitExists } from '../zoning/unit-detail.ts'
import { notFound } from './http-error.ts'
import { sendNotFoundPage } from './portal-pages.ts'

/**
 * The portal's unit page, one static file for every unit (`portal/src/pages/units/unit.astro`),
 * which fills itself from `GET /api/units/{code}`; the English one is the same under `en/`.
 */
const UNIT_PAGE = path.join('units', 'unit', 'index.html')

/** The address of the page's file, in the links it carries to itself, with or without `/en`. */
const PAGE_ADDRESS = '/units/unit/'

/** The language prefixes unit pages are served under: none for Chinese, `/en` for English. */
const PREFIXES = ['', '/en'] as const

/**
 * Serves `/units/{code}/` and, in English, `/en/units/{code}/`. The portal is built once, while
 * units change with every import, so one page serves them all; the server answers it only for
 * a unit that is loaded, so that an unknown or malformed code gets the portal's 404 page with
 * status 404 rather than a page that finds nothing. A code in lower case or without the
 * trailing slash is redirected to its canonical address. Nothing else under `/units/` is
 * served, the page's own file included.
 */
export function unitPages(db: Queryable, portalDir: string) {
  return async (ctx: Context, next: Next) => {
    const prefix = PREFIXES.find(
      (p) => ctx.path === `${p}/units` || ctx.path.startsWith(`${p}/units/`),
    )
    if (prefix === undefined) return next()
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next()

    const segment = /^\/units\/([^/]+)\/?$/.exec(ctx.path.slice(prefix.length))?.[1]
    const code = segment === undefined ? undefined : normaliseUnitCode(decoded(segment))
    if (code === undefined || !(await unitExists(db, code))) {
      await sendNotFoundPage(ctx, portalDir)
      if (ctx.body !== undefined) return
      // A client that asked for something other than a page is told what is missing.
      const message =
        code === undefined
          ? 'A unit page is /units/{code}/, the code ZH and 11 digits.'
          : `No control unit has code ${code}; GET /api/units/${code} says the same in JSON.`
      throw notFound('UNIT_NOT_FOUND', message, 'code')
    }

    const canonical = `${prefix}/units/${code}/`
    if (ctx.path !== canonical) {
      ctx.redirect(canonical + ctx.search)
      ctx.status = 301
      return
    }

    const file = path.join(portalDir, prefix, UNIT_PAGE)
    const page = await readFile(file).catch(() => undefined)
    if (!page) return
    ctx.type = 'html'
    // The same file serves every unit; whether the unit exists is asked anew each time.
    ctx.set('Cache-Control', 'no-cache')
    // The page's links to itself (canonical, the other language) name the file's own address,
    // which is never served: made this unit's, they work without script too. The code is
    // letters and digits, checked above.
    ctx.body = page.toString('utf8').replaceAll(PAGE_ADDRESS, `/units/${code}/`)
  }
}

/** A path segment with its percent escapes decoded; malformed escapes leave it as it was. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
