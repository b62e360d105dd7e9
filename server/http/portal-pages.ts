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
    await files(ctx, next)
    if (ctx.status !== 404 || ctx.body !== undefined || ctx.method !== 'GET') return
    if (ctx.path.startsWith('/api/')) return

    await sendNotFoundPage(ctx, portalDir)
  }
}

/**
 * Answers a browser (a client preferring HTML to JSON) with the portal's 404 page and status
 * 404. Leaves the answer alone for other clients, or when the portal has no 404 page, so that
 * the error middleware answers with the JSON error.
 */
export async function sendNotFoundPage(ctx: Context, portalDir: string): Promise<void> {
  if (ctx.accepts('json', 'html') !== 'html') return

  const page = await readFile(path.join(portalDir, '404.html')).catch(() => undefined)
  if (!page) return
  ctx.status = 404
  ctx.type = 'html'
  ctx.body = page
}
