import type { Context, Next } from 'koa'
import type { Logger } from 'pino'
import { isDatabaseUnavailable, QUERY_CANCELED } from '../db/database-errors.ts'
import { FieldProblems, HttpError } from './http-error.ts'

interface Problem {
  code: string
  message: string
  field?: string
}

interface ErrorBody {
  error: Problem & { problems?: Problem[] }
}

interface ErrorResponse {
  status: number
  body: ErrorBody
  headers?: Record<string, string>
}

/**
 * Renders every failure as `{ "error": { "code", "message", "field" } }`, with `problems` (each
 * `{ "code", "message", "field" }`) when the fields of a request were checked together. Client
 * errors keep their message; a database that times out or is unreachable is a 503 the client
 * may retry; anything else is logged with its stack and answered with a bare 500, so no SQL,
 * driver text or stack trace reaches a client.
 */
export function errorMiddleware(log: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new HttpError(404, 'NOT_FOUND', `No route for ${ctx.method} ${ctx.path}.`)
      }
      // The router answers methods it knows of but no route here takes with 405, and all
      // others (TRACE, PROPFIND, …) with 501, both with an `Allow` header and no body; to a
      // client both mean the same.
      if ((ctx.status === 405 || ctx.status === 501) && ctx.body == null) {
        const allow = ctx.response.get('Allow')
        const message = `${ctx.method} is not allowed here${allow ? `; use ${allow}` : ''}.`
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', message)
      }
    } catch (error) {
      const response = toResponse(error)
      if (response.status === 500)
        log.error({ err: error, reqId: ctx.state.reqId }, 'request failed')
      if (response.status === 503) {
        const what =
          response.body.error.code === 'QUERY_TIMEOUT' ? 'query timed out' : 'database unavailable'
        log.warn({ err: error, reqId: ctx.state.reqId }, what)
      }
      ctx.status = response.status
      ctx.set('Cache-Control', 'no-store')
      for (const [name, value] of Object.entries(response.headers ?? {})) ctx.set(name, value)
      ctx.body = response.body
    }
  }
}

function toResponse(error: unknown): ErrorResponse {
  if (error instanceof HttpError && error.expose) {
    const body: ErrorBody = { error: problemOf(error) }
    if (error instanceof FieldProblems) body.error.problems = error.problems.map(problemOf)
    const retry = error.retryAfterS
    return {
      status: error.status,
      body,
      ...(retry ? { headers: { 'Retry-After': `${retry}` } } : {}),
    }
  }
  if ((error as { code?: unknown } | null)?.code === QUERY_CANCELED) {
    const message = 'The database took too long to answer; try again shortly.'
    return {
      status: 503,
      body: { error: { code: 'QUERY_TIMEOUT', message } },
      headers: { 'Retry-After': '5' },
    }
  }
  if (isDatabaseUnavailable(error)) {
    const message = 'The database is unavailable; try again shortly.'
    return {
      status: 503,
      body: { error: { code: 'DATABASE_UNAVAILABLE', message } },
      headers: { 'Retry-After': '5' },
    }
  }

  // Errors thrown by Koa's helpers and the static file server carry a status.
  const status = statusOf(error)
  if (status >= 400 && status < 500) return { status, body: clientErrorBody(status) }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Internal server error.' } },
  }
}

function problemOf(error: HttpError): Problem {
  const problem: Problem = { code: error.code, message: error.message }
  if (error.field) problem.field = error.field
  return problem
}

/** Our own words for the client errors of libraries, whose messages name their internals. */
function clientErrorBody(status: number): ErrorBody {
  const known: Record<number, [string, string]> = {
    400: ['BAD_REQUEST', 'The request is malformed (check the URL encoding).'],
    403: ['FORBIDDEN', 'That path is not allowed.'],
    405: ['METHOD_NOT_ALLOWED', 'This method is not allowed here.'],
    413: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
    415: ['UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported media type.'],
  }
  const [code, message] = known[status] ?? ['BAD_REQUEST', 'The request cannot be served.']
  return { error: { code, message } }
}

function statusOf(error: unknown): number {
  const value = (error as { status?: unknown; statusCode?: unknown } | null) ?? {}
  const status = Number(value.status ?? value.statusCode)
  return Number.isInteger(status) ? status : 500
}
