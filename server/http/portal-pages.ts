import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Context, Next } from 'koa'
import serve from 'koa-static'

/**
 * Serves the built portal. A browser asking for a page that does not exist gets the portal's own
 * 404 page; API clients keep getting the JSON error.
 */
export function portalPages(portalDir: string) {
  const files = serve(portalDir, { index: 'index.html', maxage: 60_000 })

  return async (ctx: Context, next: Next) => {
    // No portal file is under a path beginning `//`; the file server would take it for an
    // absolute path and refuse it as malformed (400), where any other unknown path is a 404.
    if (ctx.path.startsWith('//')) await next()
    else await files(ctx, next)
    if (ctx.status !== 404 || ctx.body !== undefined || ctx.method !== 'GET') return
    if (ctx.path.startsWith('/api/')) return

    await sendNotFoundPage(ctx, portalDir)
  }
}

/** The 404 page of the English pages, built from `portal/src/pages/en/404.astro`. */
const ENGLISH_NOT_FOUND = path.join('en', '404', 'index.html')

/** Whether a path is one of the English pages, under `/en/`. */
export function isEnglishPath(pathname: string): boolean {
  return pathname === '/en' || pathname.startsWith('/en/')
}

/**
 * Answers a browser (a client preferring HTML to JSON) with the portal's 404 page and status
 * 404, in English for a path under `/en/`. Leaves the answer alone for other clients, or when
 * the portal has no 404 page, so that the error middleware answers with the JSON error.
 */
export async function sendNotFoundPage(ctx: Context, portalDir: string): Promise<void> {
  if (ctx.accepts('json', 'html') !== 'html') return

  const file = isEnglishPath(ctx.path) ? ENGLISH_NOT_FOUND : '404.html'
  const page = await readFile(path.join(portalDir, file)).catch(() => undefined)
  if (!page) return
  ctx.status = 404
  ctx.type = 'html'
  ctx.body = page
}
