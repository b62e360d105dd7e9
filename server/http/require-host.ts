import type { IncomingMessage } from 'node:http'
import type { Context, Next } from 'koa'
import { headerCount } from './header-count.ts'
import { badRequest } from './http-error.ts'

/**
 * What is wrong with a request's Host header, if anything: missing from an HTTP/1.1 request
 * (HTTP/1.0 had no Host), empty, or given more than once (see headerCount).
 */
export function hostHeaderFault(req: IncomingMessage): 'missing' | 'repeated' | undefined {
  const host = req.headers.host
  if (host === '' || (host === undefined && req.httpVersion === '1.1')) return 'missing'
  return headerCount(req, 'host') > 1 ? 'repeated' : undefined
}

/**
 * Refuses a request whose Host header is missing, empty or repeated, as HTTP/1.1 requires
 * (RFC 9112, 3.2), with the JSON error every other refusal gets. Node would answer a missing
 * one itself, with a bare 400 that no log line or request id names, so the server leaves the
 * check to this.
 */
export async function requireHost(ctx: Context, next: Next) {
  const fault = hostHeaderFault(ctx.req)
  if (fault === 'missing') {
    throw badRequest('HOST_MISSING', 'An HTTP/1.1 request must carry a Host header.', 'Host')
  }
  if (fault === 'repeated') {
    throw badRequest('HOST_REPEATED', 'A request must carry one Host header, not several.', 'Host')
  }
  await next()
}
