import type { Context, Next } from 'koa'
import type { Logger } from 'pino'
import { HttpError } from './http-error.ts'

interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

/**
 * Renders every failure as `{ "error": { "code", "message", "field" } }`. Client errors keep
 * their message; anything else is logged with its stack and answered with a bare 500, so no SQL,
 * driver text or stack trace reaches a client.
 */
export function errorMiddleware(log: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new HttpError(404, 'NOT_FOUND', `No route for ${ctx.method} ${ctx.path}.`)
      }
    } catch (error) {
      const { status, body } = toResponse(error)
      if (status === 500) log.error({ err: error, reqId: ctx.state.reqId }, 'request failed')
      ctx.status = status
      ctx.set('Cache-Control', 'no-store')
      ctx.body = body
    }
  }
}

function toResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError && error.expose) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } }
    if (error.field) body.error.field = error.field
    return { status: error.status, body }
  }

  // Errors thrown by Koa's own helpers and body parsers carry a status and an expose flag.
  const status = statusOf(error)
  if (status >= 400 && status < 500 && exposeOf(error)) {
    const message = error instanceof Error ? error.message : 'Bad request.'
    return { status, body: { error: { code: codeForStatus(status), message } } }
  }
  // Koa's router answers unknown methods with 501; other 5xx are failures of ours.
  if (status === 501) {
    return {
      status,
      body: { error: { code: 'NOT_IMPLEMENTED', message: 'Method not implemented.' } },
    }
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Internal server error.' } },
  }
}

function statusOf(error: unknown): number {
  const value = (error as { status?: unknown; statusCode?: unknown } | null) ?? {}
  const status = Number(value.status ?? value.statusCode)
  return Number.isInteger(status) ? status : 500
}

function exposeOf(error: unknown): boolean {
  return Boolean((error as { expose?: unknown } | null)?.expose)
}

function codeForStatus(status: number): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE'
  if (status === 405) return 'METHOD_NOT_ALLOWED'
  return 'BAD_REQUEST'
}
