import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Redis } from 'ioredis'
import { seededRandom } from '../scripts/sample/seeded-random.ts'
import type { LonLatBox } from '../server/tiles/tile-range.ts'
import type { RecordedAnswer } from './bare-server.ts'
import { startBare, startOurs, type OursServer } from './bench-servers.ts'
import { interleave } from './interleave.ts'
import { summarise, type Summary } from './sample-stats.ts'
import { runConcurrently, TileClient } from './tile-client.ts'
import { pyramidTiles, tilePath } from './tile-sample.ts'
import { runWrk, writeWrkScript, type WrkResult } from './wrk-run.ts'

export interface WarmOptions {
  databaseUrl: string
  /** Redis for a second run of our server with the shared cache; undefined skips it. */
  redisUrl: string | undefined
  box: LonLatBox
  minzoom: number
  maxzoom: number
  sets: string[]
  rounds: number
  durationSeconds: number
  connections: number
  /** Requests at a time in the warm-up pass. */
  warmConcurrency: number
  seed: number
  tmpDir: string
  log: (line: string) => void
}

export interface WarmSide {
  name: string
  runs: WrkResult[]
  rate: Summary
}

export interface WarmResult {
  urls: number
  perZoom: { z: number; urls: number }[]
  statuses: Record<string, number>
  /** Bytes of all answers as sent (gzip-compressed tiles). */
  bytes: number
  /** The warm-up pass: every tile cut once, cold, at `warmConcurrency`. */
  warmupMs: number
  sides: WarmSide[]
  /** Cache misses our server counted during the wrk runs: 0 means every request was a hit. */
  missesDuringRuns: number[]
  redisSkipped: string | undefined
}

// Headers that belong to one connection or one moment, not to the tile.
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/**
 * Warm tiles: a pyramid of distinct tile URLs over the box, requested once to fill the cache and
 * record the answers, then cycled through by wrk against our server and against a bare
 * node:http server that answers the recorded bytes from a Map, in alternating order, round after
 * round. With Redis, a second copy of our server, its memory cache in front of Redis, joins the
 * rounds.
 */
export async function benchWarmTiles(options: WarmOptions): Promise<WarmResult> {
  const { log } = options
  const tiles = pyramidTiles(options.box, options.minzoom, options.maxzoom)
  const paths = shuffle(
    options.sets.flatMap((set) => tiles.map((tile) => `/tiles/${set}/${tilePath(tile)}.mvt`)),
    options.seed,
  )
  const perZoom = []
  for (let z = options.minzoom; z <= options.maxzoom; z++) {
    perZoom.push({ z, urls: tiles.filter((t) => t.z === z).length * options.sets.length })
  }

  const pathsFile = path.join(options.tmpDir, 'warm-paths.txt')
  await writeFile(pathsFile, `${paths.join('\n')}\n`)
  const script = await writeWrkScript(options.tmpDir, pathsFile)

  const servers: { name: string; url: string; stop(): Promise<void>; ours?: OursServer }[] = []
  const redisPrefix = `ecozoning-bench-${process.pid}:`
  let redisSkipped: string | undefined = options.redisUrl ? undefined : 'no Redis URL given'
  try {
    const memory = await startOurs({ databaseUrl: options.databaseUrl, loadSample: false })
    servers.push({ name: 'ours (memory cache)', url: memory.url, stop: memory.stop, ours: memory })

    log(`warming ${paths.length} tile URLs (each cut once, cold)`)
    const warm = await recordAnswers(memory.url, paths, options.warmConcurrency)

    if (options.redisUrl) {
      try {
        const redis = await startOurs({
          databaseUrl: options.databaseUrl,
          loadSample: false,
          redisUrl: options.redisUrl,
          redisPrefix,
          // Should the run be cut short, what it wrote expires soon.
          tileCacheTtlSeconds: 900,
        })
        servers.push({
          name: 'ours (memory and Redis)',
          url: redis.url,
          stop: redis.stop,
          ours: redis,
        })
        log('warming the Redis cache')
        await recordAnswers(redis.url, paths, options.warmConcurrency)
      } catch (error) {
        redisSkipped = `Redis at ${options.redisUrl} failed: ${(error as Error).message}`
      }
    }

    const bare = await startBare(warm.answers)
    servers.push({ name: 'bare node:http (ceiling)', url: bare.ready.url, stop: bare.stop })

    const missesDuringRuns: number[] = []
    const sides = servers.map((server) => ({
      name: server.name,
      async measure() {
        const before = server.ours && (await server.ours.memory()).cache.misses
        const result = await runWrk({
          url: server.url,
          script,
          threads: 1,
          connections: options.connections,
          durationSeconds: options.durationSeconds,
        })
        if (server.ours && before !== undefined) {
          missesDuringRuns.push((await server.ours.memory()).cache.misses - before)
        }
        return result
      },
    }))
    const runs = await interleave(sides, options.rounds, (name, round, result) =>
      log(`round ${round + 1}: ${name} ${Math.round(result.requestsPerSecond)} req/s`),
    )

    return {
      urls: paths.length,
      perZoom,
      statuses: warm.statuses,
      bytes: warm.bytes,
      warmupMs: warm.ms,
      sides: servers.map((server) => {
        const results = runs.get(server.name) ?? []
        return {
          name: server.name,
          runs: results,
          rate: summarise(results.map((r) => r.requestsPerSecond))!,
        }
      }),
      missesDuringRuns,
      redisSkipped,
    }
  } finally {
    for (const server of servers) await server.stop()
    if (options.redisUrl) await deleteRedisKeys(options.redisUrl, redisPrefix)
  }
}

async function recordAnswers(url: string, paths: string[], concurrency: number) {
  const client = new TileClient(url, concurrency)
  try {
    const { results, ms } = await runConcurrently(paths, concurrency, (p) => client.get(p))
    const answers = new Map<string, RecordedAnswer>()
    const statuses: Record<string, number> = {}
    let bytes = 0
    for (const [i, response] of results.entries()) {
      if (response.status !== 200 && response.status !== 204) {
        throw new Error(`${paths[i]} answered ${response.status}: ${response.body.toString()}`)
      }
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
      bytes += response.body.length
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(response.headers)) {
        if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value
      }
      answers.set(paths[i]!, { status: response.status, headers, body: response.body })
    }
    return { answers, statuses, bytes, ms }
  } finally {
    client.close()
  }
}

/** Removes the keys under `prefix` (a run's own), and only those. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  redis.on('error', () => {})
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      if (keys.length > 0) await redis.unlink(...keys)
      cursor = next
    } while (cursor !== '0')
  } catch {
    // Nothing was written when Redis could not be reached.
  } finally {
    redis.disconnect()
  }
}

function shuffle<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed)
  const shuffled = [...items]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
  }
  return shuffled
}
