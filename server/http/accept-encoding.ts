import Negotiator from 'negotiator'
import type { Context } from 'koa'

const CODINGS = ['gzip', 'identity']

/**
 * Whether an Accept-Encoding header prefers gzip to identity, by its q-values, `*` and order, as
 * HTTP reads it: no header, or one that refuses gzip (`gzip;q=0`, `x-gzip` alone), is identity.
 * Coding names and parameters are case-insensitive, which the negotiator does not allow for in a
 * `Q=0`: it is given the header in lower case. The tile routes and the tile fast path both ask
 * this, so a request gets the same encoding whichever answers it.
 */
export function prefersGzip(header: string | undefined): boolean {
  if (!header) return false
  const headers = { 'accept-encoding': header.toLowerCase() }
  return new Negotiator({ headers }).encoding(CODINGS) === 'gzip'
}

/** `prefersGzip` for a Koa request. */
export function wantsGzip(ctx: Context): boolean {
  return prefersGzip(ctx.get('Accept-Encoding'))
}
