import type { Duplex } from 'node:stream'

/**
 * Answers a request that Node's HTTP parser rejected (a malformed request line, headers too
 * large) with the same JSON error shape as every other answer, instead of Node's bare status.
 */
export function answerClientError(error: { code?: string }, socket: Duplex) {
  if (!socket.writable) return
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const [status, reason, code] = tooLarge
    ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE']
    : [400, 'Bad Request', 'BAD_REQUEST']
  const body = JSON.stringify({ error: { code, message: 'Malformed request.' } })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}
