import Negotiator from 'negotiator'
import type { Context } from 'koa'
import { describeValue } from './describe-value.ts'
import { HttpError } from './http-error.ts'

const CODINGS = ['gzip', 'identity']

/** A q-value as HTTP writes one (RFC 9110, 12.4.2): 0 to 1, with up to three decimals. */
const QVALUE = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/

/**
 * The encoding a tile goes out in, by an Accept-Encoding header's q-values, `*` and order, as
 * HTTP reads it: gzip when preferred, identity when gzip is refused (`gzip;q=0`, `x-gzip` alone)
 * or there is no header, undefined when both are refused (`identity;q=0`, `*;q=0`). Coding names
 * and parameters are case-insensitive, which the negotiator does not allow for in a `Q=0`: it
 * is given the header in lower case. A coding with a q that is no q-value (`gzip;q=-1`) is read
 * as refused, and leaves the others as they are: the negotiator read a negative one as
 * refusing identity too. The tile routes and the tile fast path both ask this, so a request
 * gets the same encoding whichever answers it.
 */
export function tileEncoding(header: string | undefined): 'gzip' | 'identity' | undefined {
  if (!header) return 'identity'
  const headers = { 'accept-encoding': withValidQualities(header.toLowerCase()) }
  return new Negotiator({ headers }).encoding(CODINGS) as 'gzip' | 'identity' | undefined
}

/** The header with each q that is no q-value written as 0. Pure. */
function withValidQualities(header: string): string {
  return header.replace(/;\s*q\s*=\s*([^;,]*)/g, (param, value: string) =>
    QVALUE.test(value.trim()) ? param : ';q=0',
  )
}

/** Whether an Accept-Encoding header prefers gzip to identity (see tileEncoding). */
export function prefersGzip(header: string | undefined): boolean {
  return tileEncoding(header) === 'gzip'
}

/**
 * The encoding a Koa tile request gets (see tileEncoding), or a 406 naming the header when it
 * refuses both: sending identity anyway would hand the client what it said it cannot read.
 */
export function requireTileEncoding(ctx: Context): 'gzip' | 'identity' {
  const header = ctx.get('Accept-Encoding')
  const encoding = tileEncoding(header)
  if (encoding) return encoding
  const message =
    `Accept-Encoding ${describeValue(header, 100)} refuses both encodings a tile comes in, ` +
    'gzip and identity.'
  throw new HttpError(406, 'ENCODING_NOT_ACCEPTABLE', message, 'Accept-Encoding')
}
