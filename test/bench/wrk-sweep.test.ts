import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWrkSweep, writeSweepScript } from '../../bench/wrk-sweep.ts'

const hasWrk = spawnSync('wrk', ['-v']).error === undefined

// Paths /t/0 … /t/49: even ones answer 200 with 10 + n bytes after a short pause, odd ones 204,
// and /missing 404. The server counts what it was asked.
const title = hasWrk ? '' : ' (skipped: wrk is not installed; apt-get install wrk)'

describe.skipIf(!hasWrk)(`a wrk sweep over a list of paths${title}`, () => {
  const asked = new Map<string, number>()
  let server: http.Server
  let url: string
  let dir: string
  let script: string

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      asked.set(req.url!, (asked.get(req.url!) ?? 0) + 1)
      const n = Number(/^\/t\/(\d+)$/.exec(req.url!)?.[1] ?? NaN)
      if (Number.isNaN(n)) return void res.writeHead(404).end()
      setTimeout(() => {
        if (n % 2 === 1) res.writeHead(204).end()
        else res.writeHead(200, { 'Content-Length': 10 + n }).end(Buffer.alloc(10 + n))
      }, n % 5)
    })
    server.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    dir = await mkdtemp(path.join(os.tmpdir(), 'wrk-sweep-'))
    script = await writeSweepScript(dir)
  })
  afterAll(async () => {
    server?.closeAllConnections()
    server?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const sweep = async (paths: string[], connections: number) => {
    const pathsFile = path.join(dir, 'paths.txt')
    await writeFile(pathsFile, `${paths.join('\n')}\n`)
    asked.clear()
    const started = performance.now()
    const result = await runWrkSweep({ url, script, pathsFile, connections, timeoutMs: 30_000 })
    return { result, wallMs: performance.now() - started }
  }

  it('asks for every path once and counts what came back', async () => {
    const paths = Array.from({ length: 50 }, (_, n) => `/t/${n}`)
    const { result, wallMs } = await sweep(paths, 4)

    expect([...asked.keys()].sort()).toEqual([...paths].sort())
    expect([...asked.values()].every((count) => count === 1)).toBe(true)
    const even = paths.filter((_, n) => n % 2 === 0)
    expect(result).toMatchObject({ answered: 50, filled: even.length, errors: 0 })
    expect(result.bytes).toBe(even.reduce((sum, p) => sum + 10 + Number(p.slice(3)), 0))
    expect(result.ms).toBeGreaterThan(0)
    expect(result.ms).toBeLessThan(wallMs)
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms)
  })

  it('asks once even when there are more connections than paths', async () => {
    const { result } = await sweep(['/t/2', '/t/3'], 4)
    expect(asked).toEqual(
      new Map([
        ['/t/2', 1],
        ['/t/3', 1],
      ]),
    )
    expect(result).toMatchObject({ answered: 2, filled: 1, errors: 0 })
  })

  it('ends a sweep that finishes before wrk has settled down to wait', async () => {
    // One quick path on one connection is answered before wrk's main thread starts sleeping out
    // its duration; an interrupt sent that early would be lost.
    const pathsFile = path.join(dir, 'one.txt')
    await writeFile(pathsFile, '/t/1\n')
    for (let i = 0; i < 15; i++) {
      const result = await runWrkSweep({ url, script, pathsFile, connections: 1, timeoutMs: 5_000 })
      expect(result.answered).toBe(1)
    }
  })

  it('counts an answer other than 200 or 204 as an error', async () => {
    const { result } = await sweep(['/t/0', '/missing', '/t/1'], 2)
    expect(result).toMatchObject({ answered: 3, errors: 1 })
  })
})
