import type { Context } from 'koa'

/**
 * Whether to answer gzip rather than identity, by the client's Accept-Encoding with its q-values.
 * Coding names and parameters are case-insensitive, which Koa's negotiator does not allow for in
 * a `Q=0`: it reads the header in lower case here.
 */
export function wantsGzip(ctx: Context): boolean {
  const header = ctx.get('Accept-Encoding')
  const lower = header.toLowerCase()
  if (header !== lower) ctx.req.headers['accept-encoding'] = lower
  return ctx.acceptsEncodings('gzip', 'identity') === 'gzip'
}
