import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'

/** A real pino logger whose JSON lines are parsed into `lines`, for tests that read logs. */
export function captureLog(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { log: pino({ level: 'info' }, sink), lines }
}
