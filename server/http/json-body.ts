import { bodyParser } from '@koa/bodyparser'
import type { Context, Next } from 'koa'
import { findDuplicateKey, repeatedKeyMessage } from './duplicate-keys.ts'
import { HttpError } from './http-error.ts'
import { undecodableMessage, undecodablePath } from './undecodable-text.ts'

export const JSON_LIMIT_BYTES = 2 * 1024 * 1024

/**
 * Parses JSON request bodies up to 2 MB, in UTF-8 as JSON is (RFC 8259). A body that is too
 * large, not JSON, declared in another charset, not UTF-8, holding a `__proto__` key or a key
 * twice in one object becomes a 4xx that says so, instead of the parser's own error, text
 * decoded wrongly or the last of the repeated values.
 */
export function jsonBody() {
  const parse = jsonParser()
  return (ctx: Context, next: Next) => {
    const charset = ctx.request.charset
    if (charset && !/^utf-?8$/i.test(charset) && ctx.request.is('json')) {
      const message = `A JSON body is UTF-8; charset=${charset} is not read. Send it in UTF-8.`
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', message)
    }
    return parse(ctx, async () => {
      const raw = (ctx.request as { rawBody?: unknown }).rawBody
      const repeated = typeof raw === 'string' && raw ? findDuplicateKey(raw) : undefined
      if (repeated !== undefined) {
        throw new HttpError(400, 'PARAMETER_REPEATED', repeatedKeyMessage(repeated), repeated)
      }
      if (typeof raw === 'string' && raw.includes('\uFFFD')) {
        const path = undecodablePath(ctx.request.body) ?? ''
        throw new HttpError(400, 'TEXT_NOT_UTF8', undecodableMessage(path), path || undefined)
      }
      await next()
    })
  }
}

function jsonParser() {
  return bodyParser({
    enableTypes: ['json'],
    jsonLimit: JSON_LIMIT_BYTES,
    encoding: 'utf-8',
    onError(error, ctx) {
      const status = (error as { status?: number }).status
      if (status === 413) {
        const megabytes = JSON_LIMIT_BYTES / 1024 / 1024
        const message = `The request body exceeds the limit of ${megabytes} MB.`
        throw new HttpError(413, 'PAYLOAD_TOO_LARGE', message)
      }
      if (status === 415) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The body encoding is not supported.')
      }
      // The parser refuses `__proto__` keys, which could poison objects built from the body.
      if (/forbidden prototype property/.test((error as Error).message)) {
        const message =
          'The request body holds a "__proto__" key, which is refused; no field has that name.'
        throw new HttpError(400, 'BODY_FORBIDDEN_KEY', message)
      }
      // zlib and brotli name their errors Z_… and ERR__ERROR_…: the bytes are not what the
      // Content-Encoding header says they are, whatever they hold.
      const code = (error as { code?: unknown }).code
      if (typeof code === 'string' && /^(Z_|ERR__ERROR)/.test(code)) {
        const encoding = ctx.get('Content-Encoding')
        const message =
          `The request body could not be decoded as ${JSON.stringify(encoding)}, the ` +
          'Content-Encoding it was sent with; send it in that encoding, or without the header.'
        throw new HttpError(400, 'BODY_ENCODING_INVALID', message)
      }
      throw new HttpError(400, 'BODY_INVALID_JSON', 'The request body is not valid JSON.')
    },
  })
}
