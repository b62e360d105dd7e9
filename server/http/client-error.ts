import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Metrics } from '../ops/metrics.ts'
import { newRequestId } from './request-id.ts'

/** The route label of requests no route could see: the parser refused them first. */
const UNPARSED_ROUTE = '(unparsed)'

/**
 * Answers a request that Node's HTTP parser rejected (a malformed request line, headers too
 * large) with the same JSON error shape and `X-Request-Id` as every other answer, instead of
 * Node's bare status, and logs and counts it like any request. The log names the parser's
 * reason (`HPE_…`) but none of the bytes sent: they may hold anything.
 */
export function clientErrorHandler(log: Logger, metrics?: Metrics) {
  return (error: { code?: string }, socket: Duplex) => {
    // A peer that reset or closed its connection is no request to answer or log.
    if (!socket.writable) return
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    const [status, reason, code, message] = tooLarge
      ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'The headers are too large.']
      : [400, 'Bad Request', 'BAD_REQUEST', 'Malformed request: not readable as HTTP/1.1.']
    const reqId = newRequestId()
    const body = JSON.stringify({ error: { code, message } })
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${reqId}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    )
    const parser = typeof error.code === 'string' ? error.code : undefined
    log.info({ reqId, route: UNPARSED_ROUTE, status, parser }, 'request')
    metrics?.requests.route(UNPARSED_ROUTE, '-').record(status, 0)
  }
}
