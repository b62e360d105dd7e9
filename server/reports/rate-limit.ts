import type { Context, Next } from 'koa'
import type { Logger } from 'pino'
import { connectRedis } from '../cache/redis-client.ts'
import { HttpError } from '../http/http-error.ts'

/** Counts requests per key in fixed windows, in memory or shared through Redis. */
export interface RateLimitStore {
  readonly kind: 'memory' | 'redis'
  /**
   * Counts one request for `key` in the current window of `windowMs` and returns the count so
   * far in that window and the milliseconds until it ends.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>
  close(): Promise<void>
}

/** Windows start at multiples of their length since the epoch, the same on every server. */
function windowOf(now: number, windowMs: number) {
  const index = Math.floor(now / windowMs)
  return { index, resetMs: (index + 1) * windowMs - now }
}

/** Counts in this process only; entries of ended windows are dropped as new ones come. */
export function createMemoryRateLimitStore(clock: () => number = Date.now): RateLimitStore {
  const counts = new Map<string, { count: number; endsAt: number }>()
  return {
    kind: 'memory',
    async hit(key, windowMs) {
      const now = clock()
      const { index, resetMs } = windowOf(now, windowMs)
      const slot = `${key}:${windowMs}:${index}`
      const entry = counts.get(slot) ?? { count: 0, endsAt: now + resetMs }
      entry.count++
      counts.set(slot, entry)
      if (counts.size > 10_000) {
        for (const [name, value] of counts) if (value.endsAt <= now) counts.delete(name)
      }
      return { count: entry.count, resetMs }
    },
    async close() {},
  }
}

/**
 * Counts in Redis, shared by every server pointing at it: one INCR per request on a key per
 * window, which expires with the window. A Redis that failed is left alone for a while (see
 * connectRedis), so a hung one does not hold every report up for a timeout.
 */
export async function createRedisRateLimitStore(options: {
  url: string
  prefix: string
}): Promise<RateLimitStore> {
  const { redis, ask, close } = await connectRedis(options.url, options.prefix)
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      const { index, resetMs } = windowOf(Date.now(), windowMs)
      const slot = `ratelimit:${key}:${windowMs}:${index}`
      const result = await ask(() =>
        redis
          .multi()
          .incr(slot)
          .pexpire(slot, resetMs + 1_000)
          .exec(),
      )
      const [error, count] = result?.[0] ?? [new Error('Redis answered no result.')]
      if (error) throw error
      return { count: Number(count), resetMs }
    },
    close,
  }
}

export interface RateLimit {
  /** Names the limit in keys and messages, e.g. "report submissions". */
  name: string
  /** Requests a client may make per window. */
  limit: number
  windowMs: number
}

/**
 * Refuses a client's requests beyond `limit` per window with 429 RATE_LIMITED and Retry-After.
 * Clients are told apart by their address. When the store fails (Redis away) requests pass and
 * a warning is logged: a lost report costs more than a missed limit.
 */
export function rateLimit(store: RateLimitStore, rule: RateLimit, log: Logger) {
  // One warning per ten seconds while the store fails, with the requests let through since the
  // last one, rather than a line per request.
  let warnedAt = -Infinity
  let uncounted = 0
  return async (ctx: Context, next: Next) => {
    let counted: { count: number; resetMs: number } | undefined
    try {
      counted = await store.hit(`${rule.name}:${ctx.ip}`, rule.windowMs)
    } catch (error) {
      uncounted++
      if (performance.now() - warnedAt >= 10_000) {
        warnedAt = performance.now()
        const line = { err: error, limit: rule.name, store: store.kind, uncounted }
        log.warn(line, 'rate limit store failed; requests pass uncounted')
        uncounted = 0
      }
    }
    if (counted) {
      ctx.set('RateLimit-Limit', String(rule.limit))
      ctx.set('RateLimit-Remaining', String(Math.max(0, rule.limit - counted.count)))
      ctx.set('RateLimit-Reset', String(Math.ceil(counted.resetMs / 1000)))
      if (counted.count > rule.limit) {
        const seconds = Math.ceil(counted.resetMs / 1000)
        ctx.set('Retry-After', String(seconds))
        const message =
          `Too many ${rule.name} from this address: ${rule.limit} per ` +
          `${describeWindow(rule.windowMs)}. Try again in ${seconds} s.`
        throw new HttpError(429, 'RATE_LIMITED', message)
      }
    }
    await next()
  }
}

function describeWindow(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`
  return `${ms / 1000} s`
}
