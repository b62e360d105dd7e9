import type { Context } from 'koa'
import { badRequest } from './http-error.ts'

// A DNS name or IPv4 address, or an IPv6 literal in brackets, with an optional port: what a
// browser or map client sends. Anything else in Host would end up inside the URLs we hand out.
const HOST = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,252}|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?$/

/**
 * The server's absolute base URL as clients should use it: the configured public URL when set,
 * else the request's protocol and its Host header, which a proxy in front passes on (see
 * deploy/nginx.conf). X-Forwarded-Host is not read: a proxy that appends to it leaves the
 * client's own value first. X-Forwarded-Proto is, from trusted proxies (TRUST_PROXY_HOPS).
 * Without a public URL the answer varies on both, and a Host that is not a host name or
 * address with an optional port is a 400 naming the header, so no document carries URLs a
 * client made up. No trailing slash.
 */
export function baseUrlOf(ctx: Context, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl.replace(/\/$/, '')
  ctx.vary('Host')
  if (ctx.app.proxy) ctx.vary('X-Forwarded-Proto')
  const host = ctx.get('Host')
  const match = HOST.exec(host)
  if (!match || Number(match[1] ?? 0) > 65_535) {
    const shown = host === '' ? 'none' : JSON.stringify(host.slice(0, 60))
    const message =
      `Host must be a host name or address with an optional port, got ${shown}; ` +
      'the URLs in this document are built from it (or from PUBLIC_URL when set).'
    throw badRequest('HOST_INVALID', message, 'Host')
  }
  return `${ctx.protocol}://${host}`
}
