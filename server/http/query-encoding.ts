import type { Context, Next } from 'koa'
import { HttpError } from './http-error.ts'
import { undecodableMessage } from './undecodable-text.ts'

/**
 * Refuses a query string whose percent-escapes are not UTF-8 (`?q=%D6%D0`, GBK for 中) with
 * 400 TEXT_NOT_UTF8 naming the parameter. The parser would otherwise turn such bytes into
 * U+FFFD and the endpoint would search for, or store, the replacement marks.
 */
export async function queryEncoding(ctx: Context, next: Next) {
  const raw = ctx.querystring
  if (raw.includes('%')) {
    for (const pair of raw.split('&')) {
      const [name = '', value = ''] = pair.split(/=(.*)/s)
      if (!decodes(name)) {
        const message = undecodableMessage("A query parameter's name")
        throw new HttpError(400, 'TEXT_NOT_UTF8', message)
      }
      if (!decodes(value)) {
        const named = decode(name)
        throw new HttpError(400, 'TEXT_NOT_UTF8', undecodableMessage(named), named)
      }
    }
  }
  await next()
}

// A `%` not followed by two hex digits is not an escape: the parser keeps it as it is, and so
// does this check.
function decode(text: string): string {
  return decodeURIComponent(text.replaceAll('+', ' ').replace(/%(?![0-9a-f]{2})/gi, '%25'))
}

function decodes(text: string): boolean {
  try {
    decode(text)
    return true
  } catch {
    return false
  }
}
