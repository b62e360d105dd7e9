import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Metrics } from '../ops/metrics.ts'
import { newRequestId } from './request-id.ts'

/**
 * Handlers for what reaches Node's HTTP server but never Koa: requests its parser rejected (a
 * malformed request line, headers too large, headers that never ended) and CONNECT, which asks
 * for a tunnel. Each gets the same JSON error shape and `X-Request-Id` as every other answer,
 * instead of Node's bare status or a closed socket, and is logged and counted like any request.
 * The log names the parser's reason (`HPE_…`, `ERR_HTTP_REQUEST_TIMEOUT`) but none of the bytes
 * sent: they may hold anything.
 */
export function rawRequestHandlers(log: Logger, metrics?: Metrics) {
  function answer(socket: Duplex, route: string, method: string, refusal: Refusal, more = {}) {
    const reqId = newRequestId()
    const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } })
    const extra = Object.entries(refusal.headers ?? {}).map(
      ([name, value]) => `${name}: ${value}\r\n`,
    )
    socket.end(
      `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${reqId}\r\n` +
        `Cache-Control: no-store\r\n${extra.join('')}Connection: close\r\n\r\n${body}`,
    )
    log.info({ reqId, method, route, status: refusal.status, ...more }, 'request')
    metrics?.requests.route(route, method).record(refusal.status, 0)
  }

  return {
    clientError(error: { code?: string }, socket: Duplex) {
      // A peer that reset or closed its connection is no request to answer or log.
      if (!socket.writable) return
      const refusal = BY_PARSER_CODE.get(error.code ?? '') ?? MALFORMED
      const parser = typeof error.code === 'string' ? error.code : undefined
      answer(socket, '(unparsed)', '-', refusal, { parser })
    },

    connect(_req: IncomingMessage, socket: Duplex) {
      if (!socket.writable) return
      answer(socket, '(connect)', 'CONNECT', NO_TUNNEL)
    },
  }
}

interface Refusal {
  status: number
  reason: string
  code: string
  message: string
  headers?: Record<string, string>
}

// A browser can send what the parser refuses (a tile URL or cookies over 16 KB). The refusal
// holds nothing private, so any page, a map on another site included, may read why.
const READABLE_ANYWHERE = { 'Access-Control-Allow-Origin': '*' }

const MALFORMED: Refusal = {
  status: 400,
  reason: 'Bad Request',
  code: 'BAD_REQUEST',
  message: 'Malformed request: not readable as HTTP/1.1.',
  headers: READABLE_ANYWHERE,
}
const HEADERS_TOO_LARGE: Refusal = {
  status: 431,
  reason: 'Request Header Fields Too Large',
  code: 'HEADERS_TOO_LARGE',
  message: 'The headers are too large.',
  headers: READABLE_ANYWHERE,
}
// Node gives up on a request whose headers are not whole after headersTimeout (60 s by default).
const REQUEST_TIMEOUT: Refusal = {
  status: 408,
  reason: 'Request Timeout',
  code: 'REQUEST_TIMEOUT',
  message: 'The request took too long to arrive: its headers did not end in time.',
  headers: READABLE_ANYWHERE,
}
const BY_PARSER_CODE = new Map<string, Refusal>([
  ['HPE_HEADER_OVERFLOW', HEADERS_TOO_LARGE],
  ['ERR_HTTP_REQUEST_TIMEOUT', REQUEST_TIMEOUT],
])
const NO_TUNNEL: Refusal = {
  status: 405,
  reason: 'Method Not Allowed',
  code: 'METHOD_NOT_ALLOWED',
  message: 'CONNECT is not allowed here; this server is no proxy.',
  headers: { Allow: 'GET, HEAD, POST' },
}
