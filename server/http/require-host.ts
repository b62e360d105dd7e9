import type { Context, Next } from 'koa'
import { badRequest } from './http-error.ts'

/**
 * Refuses an HTTP/1.1 request without a Host header, and any with an empty one, as HTTP/1.1
 * requires (RFC 9112, 3.2), with the JSON error every other refusal gets. Node would answer
 * the first itself, with a bare 400 that no log line or request id names, so the server leaves
 * the check to this.
 */
export async function requireHost(ctx: Context, next: Next) {
  const host = ctx.req.headers.host
  if ((ctx.req.httpVersion === '1.1' && host === undefined) || host === '') {
    throw badRequest('HOST_MISSING', 'An HTTP/1.1 request must carry a Host header.', 'Host')
  }
  await next()
}
