import type { Context, Next } from 'koa'
import { badRequest } from './http-error.ts'

/**
 * Refuses an HTTP/1.1 request without a Host header, as HTTP/1.1 requires (RFC 9112, 3.2),
 * with the JSON error every other refusal gets. Node would answer it itself, with a bare 400
 * that no log line or request id names, so the server leaves the check to this.
 */
export async function requireHost(ctx: Context, next: Next) {
  if (ctx.req.httpVersion === '1.1' && ctx.req.headers.host === undefined) {
    throw badRequest('HOST_MISSING', 'An HTTP/1.1 request must carry a Host header.', 'Host')
  }
  await next()
}
