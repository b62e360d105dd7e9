import type { Context, Next } from 'koa'

/**
 * What the portal's pages may load: their own scripts, styles, fonts, tiles and API, and the
 * configured basemap's tiles, nothing else. maplibre-gl fetches raster tiles and draws them as
 * images it makes from blobs, in workers; Astro writes small style blocks and attributes into
 * the pages, hence 'unsafe-inline' for styles alone.
 *
 * @param tileOrigins origins of the basemap's tile servers, e.g. `https://t0.tianditu.gov.cn`
 */
export function contentSecurityPolicy(tileOrigins: string[] = []): string {
  const tiles = tileOrigins.map((origin) => ` ${origin}`).join('')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self'",
    `connect-src 'self'${tiles}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

/**
 * Headers that keep browsers from sniffing types, framing the portal elsewhere or running what
 * the portal did not ship.
 */
export function securityHeaders(tileOrigins: string[] = []) {
  const policy = contentSecurityPolicy(tileOrigins)
  return async (ctx: Context, next: Next) => {
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('Referrer-Policy', 'same-origin')
    ctx.set('X-Frame-Options', 'SAMEORIGIN')
    ctx.set('Content-Security-Policy', policy)
    await next()
  }
}
