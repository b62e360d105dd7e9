import { randomBytes } from 'node:crypto'

// Random per process, so ids from several instances behind one proxy do not collide.
const PROCESS_PREFIX = randomBytes(6).toString('hex')
let issued = 0

/**
 * A new request id: the process's random prefix and a counter. It names one line of one server's
 * log and is no secret, and a counter costs less than a random UUID on a path that answers tens
 * of thousands of tiles a second.
 */
export function newRequestId(): string {
  issued++
  return `${PROCESS_PREFIX}-${issued.toString(36)}`
}
