import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisRateLimitStore } from '../../server/reports/rate-limit.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

const FIXTURE_UNITS = (
  JSON.parse(readFileSync(path.join(FIXTURE_DATASET, 'control_units.geojson'), 'utf8')) as {
    features: unknown[]
  }
).features.length

// A Redis of this suite's own, on a port of its own, so stopping it touches nothing else.
const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: null })
  client.on('error', () => {})
  for (let tries = 0; ; tries++) {
    try {
      await client.connect()
      await client.ping()
      client.disconnect()
      return child
    } catch (error) {
      if (tries > 100) throw error
      await sleep(50)
    }
  }
}

async function stopRedis(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/** Polls `probe` until it returns true, for at most `ms`. */
async function eventually(probe: () => Promise<boolean>, ms = 15_000) {
  const until = performance.now() + ms
  while (!(await probe())) {
    if (performance.now() > until) throw new Error(`not so after ${ms} ms`)
    await sleep(100)
  }
}

describe('health and readiness while Redis stops and comes back', () => {
  let redis: ChildProcess
  let port: number
  let server: TestServer
  beforeAll(async () => {
    port = await freePort()
    redis = await startRedis(port)
    server = await startTestServer(BACKENDS[0]!, 'fixture', {
      redisUrl: `redis://127.0.0.1:${port}`,
      redisPrefix: 'health-test:',
    })
  })
  afterAll(async () => {
    await server?.close()
    if (redis && redis.exitCode === null) await stopRedis(redis)
  })

  const json = async (path: string) => {
    const response = await server.get(path)
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const tile = async (path: string) => {
    const response = await server.get(path)
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) }
  }
  const cacheUp = async () =>
    ((await json('/health')).body.cache as { state: string }).state === 'up'

  it('serves tiles without Redis, says so, and uses Redis again once it is back', async () => {
    expect(await json('/health')).toEqual({
      status: 200,
      body: { status: 'ok', cache: { kind: 'redis', state: 'up' } },
    })
    const ready = await json('/ready')
    expect(ready.status).toBe(200)
    expect(ready.body).toMatchObject({
      ready: true,
      database: { kind: 'embedded', state: 'up' },
      units: FIXTURE_UNITS,
    })

    const cached = '/tiles/control_units/10/830/431.mvt'
    const first = await tile(cached)
    expect(first.status).toBe(200)
    const hits = server.cache.stats().hits
    expect(await tile(cached)).toEqual(first)
    expect(server.cache.stats().hits).toBe(hits + 1)

    await stopRedis(redis)
    await eventually(async () => !(await cacheUp()))
    expect((await json('/health')).body).toEqual({
      status: 'degraded',
      cache: { kind: 'redis', state: 'down' },
    })
    // Tiles are cut without the cache: the same bytes, never an error.
    expect(await tile(cached)).toEqual(first)
    const uncached = await tile('/tiles/zoning/10/830/432.mvt')
    expect(uncached.status).toBe(200)
    // The log warns once per ten seconds; the metrics count every failed read and write.
    const errors = server.cache.stats().errors
    expect(errors).toBeGreaterThan(0)
    const metrics = await (await server.get('/metrics')).text()
    expect(metrics).toMatch(new RegExp(`^ecozoning_tile_cache_errors ${errors}$`, 'm'))
    // Still ready: an instance without its cache still serves everything.
    const whileDown = await json('/ready')
    expect(whileDown.status).toBe(200)
    expect(whileDown.body).toMatchObject({ ready: true, status: 'degraded' })

    redis = await startRedis(port)
    await eventually(cacheUp)
    expect((await json('/health')).body.status).toBe('ok')
    // Used again: a tile cut now is written to Redis.
    const client = new Redis({ port, host: '127.0.0.1' })
    const stored = async () => (await client.keys('health-test:tile:*')).length
    const storedBefore = await stored()
    const again = '/tiles/control_units/11/1660/863.mvt'
    await tile(again)
    expect(await stored()).toBe(storedBefore + 1)
    client.disconnect()
    const before = server.cache.stats().hits
    await tile(again)
    expect(server.cache.stats().hits).toBe(before + 1)
  })

  it('leaves a Redis that hangs alone for a while, and says so', async () => {
    await eventually(cacheUp)
    // Stopped, not killed: the connection stays open and commands time out.
    redis.kill('SIGSTOP')
    try {
      const hung = await tile('/tiles/control_units/12/3321/1726.mvt')
      expect([200, 204]).toContain(hung.status)
      expect((await json('/health')).body).toEqual({
        status: 'degraded',
        cache: { kind: 'redis', state: 'down' },
      })
      const next = await tile('/tiles/control_units/12/3322/1726.mvt')
      expect([200, 204]).toContain(next.status)
    } finally {
      redis.kill('SIGCONT')
    }
    await eventually(cacheUp)
  })

  it('counts report limits again once a hung Redis answers, not waiting meanwhile', async () => {
    const store = await createRedisRateLimitStore({
      url: `redis://127.0.0.1:${port}`,
      prefix: 'health-test:',
    })
    try {
      expect((await store.hit('probe', 60_000)).count).toBeGreaterThan(0)
      redis.kill('SIGSTOP')
      try {
        // The first command waits out its timeout; the next ones are not sent at all.
        await expect(store.hit('probe', 60_000)).rejects.toThrow(/timed? ?out/i)
        await expect(store.hit('probe', 60_000)).rejects.toThrow(/not asked for 5000 ms/)
      } finally {
        redis.kill('SIGCONT')
      }
      await eventually(async () => {
        return store.hit('probe', 60_000).then(
          () => true,
          () => false,
        )
      })
    } finally {
      await store.close()
    }
  })
})

describe('readiness of an instance without data', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', loadSample: false })
  })
  afterAll(() => server?.close())

  it('answers 503 with Retry-After while no control unit is loaded', async () => {
    const response = await fetch(`${server.url}/ready`)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(await response.json()).toMatchObject({
      ready: false,
      database: { state: 'up' },
      units: 0,
    })
    // Alive all the same.
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
  })
})
