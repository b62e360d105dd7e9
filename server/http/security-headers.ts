import type { Context, Next } from 'koa'

/** Headers that keep browsers from sniffing types or framing the portal elsewhere. */
export async function securityHeaders(ctx: Context, next: Next) {
  ctx.set('X-Content-Type-Options', 'nosniff')
  ctx.set('Referrer-Policy', 'same-origin')
  ctx.set('X-Frame-Options', 'SAMEORIGIN')
  await next()
}
