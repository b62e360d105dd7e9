import type { IncomingMessage } from 'node:http'

/**
 * How many times a header came in the request, by its lower-case `name`. Node keeps only the
 * first of several `Host` or `Authorization` headers, where a proxy in front may read another:
 * a request that carries one of those twice is refused rather than read one way here.
 */
export function headerCount(req: IncomingMessage, name: string): number {
  const raw = req.rawHeaders
  let count = 0
  for (let i = 0; i < raw.length; i += 2) {
    const given = raw[i]!
    if (given.length === name.length && given.toLowerCase() === name) count++
  }
  return count
}
