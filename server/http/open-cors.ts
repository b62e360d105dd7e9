import type { Context, Next } from 'koa'

// What any origin may fetch: tiles, TileJSON, styles and the API description.
const OPEN_PATHS = /^\/(tiles(\/|$)|styles\/|api\/openapi\.json$)/
// Headers a map client may add to a tile request that make the browser ask first.
const ALLOWED_HEADERS = 'If-None-Match, If-Modified-Since, Cache-Control, Range'

/**
 * Opens the tiles, TileJSON, styles and the API description to any origin. Every answer on
 * those paths carries `Access-Control-Allow-Origin: *`, refusals too: a map client on another
 * site can then read why a tile failed (400, 404, 405, 503) instead of seeing a CORS error. A
 * CORS preflight (OPTIONS with Access-Control-Request-Method) is answered here, so such a
 * client may send its own conditional headers; other OPTIONS requests go on to the router,
 * which answers them with `Allow`.
 */
export async function openCors(ctx: Context, next: Next) {
  if (!OPEN_PATHS.test(ctx.path)) return next()
  ctx.set('Access-Control-Allow-Origin', '*')
  if (ctx.method !== 'OPTIONS' || !ctx.get('Access-Control-Request-Method')) return next()

  ctx.status = 204
  ctx.set('Access-Control-Allow-Methods', 'GET, HEAD')
  ctx.set('Access-Control-Allow-Headers', ALLOWED_HEADERS)
  // Browsers cap this (Chromium at 2 hours); a day says the answer does not change.
  ctx.set('Access-Control-Max-Age', '86400')
}
