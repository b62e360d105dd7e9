import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  MIX_KINDS,
  parseMixOutput,
  runMixedLoad,
  writeMixScript,
  type MixKind,
  type MixOptions,
} from '../../bench/wrk-mix.ts'

const hasWrk = spawnSync('wrk', ['-v']).error === undefined
const title = hasWrk ? '' : ' (skipped: wrk is not installed; apt-get install wrk)'

// What a counting server answers, and after how long: tiles at once (odd ones 204), lookups
// after 5 ms (503 for the point 0 0), checks after 20 ms, reports 201 after 2 ms, or never
// while `hangReports` is set.
const LOOKUP_MS = 5
const CHECK_MS = 20
const TILES = Array.from({ length: 40 }, (_, n) => `/tiles/zoning/14/${13_300 + n}/6_900.mvt`)
const POINTS = Array.from({ length: 30 }, (_, n) => `${112 + n / 100} ${26.5 + n / 100}`)
const CHECKS = Array.from({ length: 12 }, (_, n) =>
  JSON.stringify({ geometry: { type: 'Point', coordinates: [112.5, 26.9] }, industry: `C${n}` }),
)

interface Asked {
  kind: MixKind
  status: number
  path: string
  body: string
  forwardedFor?: string
}

describe.skipIf(!hasWrk)(`a mixed load from wrk${title}`, () => {
  const asked: Asked[] = []
  let hangReports = false
  let server: http.Server
  let url: string
  let dir: string
  let script: string

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => (body += chunk))
      req.on('end', () => {
        const path = req.url!
        const forwardedFor = req.headers['x-forwarded-for'] as string | undefined
        const answer = (kind: MixKind, status: number, afterMs: number) => {
          if (afterMs < 0) return
          setTimeout(() => {
            asked.push({ kind, status, path, body, forwardedFor })
            res.writeHead(status, { 'Content-Type': 'application/json' }).end('{}')
          }, afterMs)
        }
        if (path.startsWith('/tiles/')) answer('tile', TILES.indexOf(path) % 2 ? 204 : 200, 0)
        else if (path.startsWith('/api/lookup?')) {
          answer('lookup', path === '/api/lookup?lon=0&lat=0' ? 503 : 200, LOOKUP_MS)
        } else if (path === '/api/admission-check') answer('check', 200, CHECK_MS)
        else if (path === '/api/reports') answer('report', 201, hangReports ? -1 : 2)
        else res.writeHead(404).end()
      })
    })
    server.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    dir = await mkdtemp(path.join(os.tmpdir(), 'wrk-mix-'))
    script = await writeMixScript(dir)
  })
  afterAll(async () => {
    server?.closeAllConnections()
    server?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  async function run(points: string[], options: Partial<MixOptions> = {}) {
    const files = { tilesFile: 'tiles.txt', pointsFile: 'points.txt', checksFile: 'checks.txt' }
    const lines = { tilesFile: TILES, pointsFile: points, checksFile: CHECKS }
    for (const [key, name] of Object.entries(files) as [keyof typeof files, string][]) {
      files[key] = path.join(dir, name)
      await writeFile(files[key], `${lines[key].join('\n')}\n`)
    }
    asked.length = 0
    return runMixedLoad({
      url,
      script,
      connections: 8,
      seconds: 3,
      weights: [70, 15, 10, 5],
      seed: 1,
      startDelayMs: 500,
      ...files,
      ...options,
    })
  }

  const countBy = (kind: MixKind, status?: number) =>
    asked.filter((a) => a.kind === kind && (status === undefined || a.status === status)).length

  it('draws each request by weight and counts every answer under its kind', async () => {
    const started = Date.now()
    const result = await run(POINTS)
    const wallMs = Date.now() - started

    for (const kind of MIX_KINDS) {
      const statuses = [...new Set(asked.filter((a) => a.kind === kind).map((a) => a.status))]
      const expected = Object.fromEntries(statuses.map((s) => [s, countBy(kind, s)]))
      expect(result.kinds[kind].statuses, kind).toEqual(expected)
      expect(result.kinds[kind].answered, kind).toBe(countBy(kind))
      expect(result.kinds[kind].sent, kind).toBe(countBy(kind))
    }
    expect(result.all.answered).toBe(asked.length)
    expect(result.socketErrors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 })

    // Thousands of draws: each share lies within a few points of its weight.
    expect(asked.length).toBeGreaterThan(1000)
    const weights = { tile: 0.7, lookup: 0.15, check: 0.1, report: 0.05 }
    for (const kind of MIX_KINDS) {
      expect(Math.abs(countBy(kind) / asked.length - weights[kind]), kind).toBeLessThan(0.03)
    }

    expect(result.kinds.check.p50Ms).toBeGreaterThanOrEqual(CHECK_MS - 1)
    expect(result.kinds.lookup.p50Ms).toBeGreaterThanOrEqual(LOOKUP_MS - 1)
    expect(result.kinds.lookup.p50Ms).toBeLessThan(CHECK_MS)
    expect(result.kinds.tile.p50Ms).toBeLessThan(LOOKUP_MS)
    expect(result.all.p99Ms).toBeGreaterThanOrEqual(result.all.p50Ms)
    expect(result.kinds.check.maxMs).toBeGreaterThanOrEqual(result.kinds.check.p99Ms)
    expect(result.windowMs).toBeGreaterThan(2_900)
    expect(result.windowMs).toBeLessThan(3_000 + 500)
    expect(wallMs).toBeLessThan(500 + 3_000 + 5_000)
  })

  it('asks only for the paths, points and bodies it was given', async () => {
    await run(POINTS)
    const lookups = new Set(POINTS.map((p) => `/api/lookup?lon=${p.replace(' ', '&lat=')}`))
    for (const a of asked) {
      if (a.kind === 'tile') expect(TILES).toContain(a.path)
      if (a.kind === 'lookup') expect(lookups).toContain(a.path)
      if (a.kind === 'check') expect(CHECKS).toContain(a.body)
    }
    // Every line is asked for across the threads, each thread having a share of them.
    expect(new Set(asked.filter((a) => a.kind === 'tile').map((a) => a.path)).size).toBe(40)
    expect(new Set(asked.filter((a) => a.kind === 'check').map((a) => a.body)).size).toBe(12)
  })

  it('sends reports a server takes, each from a client address of its own', async () => {
    const before = Date.now()
    await run(POINTS, { weights: [0, 0, 0, 1] })
    const reports = asked.filter((a) => a.kind === 'report')
    expect(reports.length).toBeGreaterThan(100)
    expect(new Set(reports.map((r) => r.forwardedFor)).size).toBe(reports.length)

    const categories = new Set(['air', 'water', 'noise', 'solid_waste', 'soil'])
    for (const extra of ['radiation', 'ecological_damage', 'livestock']) categories.add(extra)
    for (const report of reports) {
      const body = JSON.parse(report.body) as Record<string, unknown>
      expect(Object.keys(body).sort()).toEqual([
        'category',
        'description',
        'location',
        'observedAt',
      ])
      expect(categories).toContain(body.category)
      const { lon, lat } = body.location as { lon: number; lat: number }
      expect(POINTS).toContain(`${lon} ${lat}`)
      const observed = Date.parse(body.observedAt as string)
      expect(observed).toBeLessThanOrEqual(before)
      expect(before - observed).toBeLessThanOrEqual(7 * 86_400_000 + 60_000)
      expect(typeof body.description).toBe('string')
    }
  })

  it('counts a 5xx answer under the kind that met it', async () => {
    const result = await run(['0 0', ...POINTS.slice(0, 3)], { weights: [0, 1, 0, 0] })
    expect(countBy('lookup', 503)).toBeGreaterThan(0)
    expect(result.kinds.lookup.statuses).toEqual({
      200: countBy('lookup', 200),
      503: countBy('lookup', 503),
    })
  })

  it('stops, bounded, and names what is missing when an answer never comes', async () => {
    hangReports = true
    const started = Date.now()
    const failure = await run(POINTS, {
      connections: 1,
      seconds: 1,
      weights: [0, 0, 0, 1],
      drainMs: 1_000,
    })
      .catch((error: unknown) => error)
      .finally(() => (hangReports = false))
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toMatch(/^1 requests were still unanswered 1 s after/)
    expect(Date.now() - started).toBeLessThan(500 + 1_000 + 1_000 + 3_000)
  })
})

describe('the mixed-load summary', () => {
  const OUTPUT = `Running 70s test @ http://127.0.0.1:40123/
  2 threads and 2 connections
MIX-THREAD-DONE
MIX-THREAD-DONE
MIX kind=tile sent=700 answered=700 p50_us=1250 p99_us=9100 max_us=12000
MIX-STATUS kind=tile status=200 count=500
MIX-STATUS kind=tile status=204 count=200
MIX kind=lookup sent=150 answered=150 p50_us=8000 p99_us=30000 max_us=31000
MIX-STATUS kind=lookup status=200 count=150
MIX kind=check sent=100 answered=99 p50_us=41000 p99_us=90000 max_us=95500
MIX-STATUS kind=check status=200 count=98
MIX-STATUS kind=check status=500 count=1
MIX kind=report sent=0 answered=0 p50_us=0 p99_us=0 max_us=0
MIX kind=all sent=950 answered=949 p50_us=1500 p99_us=60000 max_us=95500
MIX-STATUS kind=all status=200 count=748
MIX-STATUS kind=all status=204 count=200
MIX-STATUS kind=all status=500 count=1
MIX-END window_us=60012345 connect=0 read=1 write=0 timeout=0
  950 requests in 60.02s, 1.00MB read
`

  it('reads each kind, its statuses and the window, latency in ms', () => {
    const result = parseMixOutput(OUTPUT)!
    expect(result.windowMs).toBe(60_012.345)
    expect(result.kinds.check).toEqual({
      sent: 100,
      answered: 99,
      p50Ms: 41,
      p99Ms: 90,
      maxMs: 95.5,
      statuses: { 200: 98, 500: 1 },
    })
    expect(result.kinds.report).toMatchObject({ sent: 0, statuses: {} })
    expect(result.all.statuses).toEqual({ 200: 748, 204: 200, 500: 1 })
    expect(result.socketErrors).toEqual({ connect: 0, read: 1, write: 0, timeout: 0 })
  })

  it('is undefined when a kind or the last line is missing', () => {
    expect(parseMixOutput(OUTPUT.replace(/^MIX-END.*$/m, ''))).toBeUndefined()
    expect(parseMixOutput(OUTPUT.replace(/^MIX kind=lookup.*$/m, ''))).toBeUndefined()
  })
})
