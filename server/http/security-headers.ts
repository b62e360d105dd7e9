import type { Context, Next } from 'koa'

/**
 * What the portal's pages may load: their own scripts, styles, fonts, tiles and API, nothing
 * from elsewhere. maplibre-gl draws with workers and images it makes from blobs; Astro writes
 * small style blocks and attributes into the pages, hence 'unsafe-inline' for styles alone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/**
 * Headers that keep browsers from sniffing types, framing the portal elsewhere or running what
 * the portal did not ship.
 */
export async function securityHeaders(ctx: Context, next: Next) {
  ctx.set('X-Content-Type-Options', 'nosniff')
  ctx.set('Referrer-Policy', 'same-origin')
  ctx.set('X-Frame-Options', 'SAMEORIGIN')
  ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  await next()
}
