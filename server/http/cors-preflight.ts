import type { Context, Next } from 'koa'

// What any origin may fetch: tiles, TileJSON, styles and the API description.
const OPEN_PATHS = /^\/(tiles(\/|$)|styles\/|api\/openapi\.json$)/
// Headers a map client may add to a tile request that make the browser ask first.
const ALLOWED_HEADERS = 'If-None-Match, If-Modified-Since, Cache-Control, Range'

/**
 * Answers the CORS preflight (OPTIONS with Access-Control-Request-Method) for the resources
 * open to any origin, so a map client on another site may send its own conditional headers.
 * Other OPTIONS requests go on to the router, which answers them with `Allow`.
 */
export async function corsPreflight(ctx: Context, next: Next) {
  if (
    ctx.method !== 'OPTIONS' ||
    !ctx.get('Access-Control-Request-Method') ||
    !OPEN_PATHS.test(ctx.path)
  ) {
    return next()
  }
  ctx.status = 204
  ctx.set('Access-Control-Allow-Origin', '*')
  ctx.set('Access-Control-Allow-Methods', 'GET, HEAD')
  ctx.set('Access-Control-Allow-Headers', ALLOWED_HEADERS)
  // Browsers cap this (Chromium at 2 hours); a day says the answer does not change.
  ctx.set('Access-Control-Max-Age', '86400')
}
