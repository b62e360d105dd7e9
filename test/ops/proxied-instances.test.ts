import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../server/config.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { reportAt } from '../reports/support/report-requests.ts'
import {
  BACKENDS,
  createScratchDatabase,
  REDIS_SKIP_REASON,
  REDIS_URL,
} from '../support/services.ts'

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'
const postgres = BACKENDS.find((backend) => backend.name === 'postgres')!
const SKIP_REASON = !existsSync(NGINX)
  ? `skipped: no nginx at ${NGINX}; install Debian's nginx or set NGINX_PATH`
  : postgres.skip
    ? postgres.title
    : !REDIS_URL
      ? REDIS_SKIP_REASON
      : undefined
if (SKIP_REASON) console.warn(`proxied instances ${SKIP_REASON}`)

const REPORTS_PER_HOUR = 3
// Inside the sample's units.
const LON = 112.57
const LAT = 26.89

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as { port: number }
  probe.close()
  await once(probe, 'close')
  return port
}

/**
 * The deployment's own proxy configuration, with the compose service names replaced by the two
 * instances on loopback and the proxy's port by a free one.
 */
function proxyConfig(instances: string[], port: number): string {
  const text = readFileSync(path.join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8')
  const hosts = instances.map((url) => new URL(url).host)
  const rewritten = text
    .replace('server app1:8080', `server ${hosts[0]}`)
    .replace('server app2:8080', `server ${hosts[1]}`)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
  // The test fails loudly if the file stops naming what it replaces.
  expect(rewritten).not.toMatch(/app[12]:8080|listen 8080;/)
  return rewritten
}

/** How many requests an instance counted for a route, from its own metrics. */
async function counted(instance: RunningServer, route: string): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text()
  let total = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('ecozoning_http_requests_total{') && line.includes(`route="${route}"`)) {
      total += Number(line.split(' ').at(-1))
    }
  }
  return total
}

describe.skipIf(SKIP_REASON !== undefined)(
  `two instances behind the deployment's proxy${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`,
  { timeout: 60_000 },
  () => {
    const instances: RunningServer[] = []
    let proxy: ChildProcess | undefined
    let proxyUrl = ''
    let prefixDir = ''
    let dropDatabase: (() => Promise<void>) | undefined

    beforeAll(async () => {
      const scratch = await createScratchDatabase()
      dropDatabase = scratch.drop
      const options = {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: scratch.url,
        redisUrl: REDIS_URL,
        redisPrefix: `ecozoning-test-${randomBytes(4).toString('hex')}:`,
        // As docker-compose.yml sets it: the proxy's X-Forwarded-For entry names the client.
        trustProxyHops: 1,
        reportsPerHour: REPORTS_PER_HOUR,
        buildPortal: false,
      }
      instances.push(...(await Promise.all([startServer(options), startServer(options)])))

      prefixDir = mkdtempSync(path.join(tmpdir(), 'ecozoning-nginx-'))
      const port = await freePort()
      const conf = path.join(prefixDir, 'nginx.conf')
      writeFileSync(
        conf,
        proxyConfig(
          instances.map((instance) => instance.url),
          port,
        ),
      )
      const globals = `daemon off; pid ${prefixDir}/nginx.pid; error_log ${prefixDir}/error.log;`
      proxy = spawn(NGINX, ['-p', `${prefixDir}/`, '-c', conf, '-g', globals], {
        stdio: 'ignore',
      })
      proxyUrl = `http://127.0.0.1:${port}`
      for (let tries = 0; ; tries++) {
        const answer = await fetch(`${proxyUrl}/proxy-health`).catch(() => undefined)
        if (answer?.ok) break
        if (tries > 100) throw new Error(`nginx did not start; see ${prefixDir}/error.log`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }, 300_000)

    afterAll(async () => {
      if (proxy && proxy.exitCode === null) {
        proxy.kill('SIGQUIT')
        await once(proxy, 'exit')
      }
      await Promise.all(instances.map((instance) => instance.close()))
      await dropDatabase?.()
      if (prefixDir) rmSync(prefixDir, { recursive: true, force: true })
    })

    it('is ready through the proxy, and spreads requests over both instances', async () => {
      expect((await fetch(`${proxyUrl}/ready`)).status).toBe(200)
      const before = await Promise.all(instances.map((i) => counted(i, '/api/lookup')))

      const statuses = []
      for (let i = 0; i < 20; i++) {
        const answer = await fetch(`${proxyUrl}/api/lookup?lon=${LON}&lat=${LAT}`)
        await answer.arrayBuffer()
        statuses.push(answer.status)
      }

      expect(new Set(statuses)).toEqual(new Set([200]))
      const after = await Promise.all(instances.map((i) => counted(i, '/api/lookup')))
      const served = after.map((count, i) => count - before[i]!)
      expect(served[0]! + served[1]!).toBe(20)
      expect(Math.min(...served)).toBeGreaterThan(0)
    })

    it("keeps each instance's metrics off the proxy", async () => {
      const answer = await fetch(`${proxyUrl}/metrics`)
      expect(answer.status).toBe(404)
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await answer.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'Read metrics from each instance.' },
      })
      expect((await fetch(`${instances[0]!.url}/metrics`)).status).toBe(200)
    })

    it('builds TileJSON URLs from the Host the proxy passes on, not X-Forwarded-Host', async () => {
      const { host } = new URL(proxyUrl)
      const answer = await fetch(`${proxyUrl}/tiles/control_units.json`, {
        headers: { 'X-Forwarded-Host': 'evil.test' },
      })
      const { tiles } = (await answer.json()) as { tiles: string[] }
      expect(tiles[0]!.startsWith(`http://${host}/tiles/control_units/`)).toBe(true)
      expect(answer.headers.get('vary')?.toLowerCase()).toContain('x-forwarded-proto')
    })

    it('limits reports per client across both, whatever X-Forwarded-For it sends', async () => {
      const statuses = []
      for (let i = 0; i < REPORTS_PER_HOUR + 2; i++) {
        const answer = await fetch(`${proxyUrl}/api/reports`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // A client inventing addresses to escape its limit: the proxy appends the real one.
            'x-forwarded-for': `203.0.113.${i + 1}`,
          },
          body: JSON.stringify(reportAt(LON, LAT)),
        })
        await answer.arrayBuffer()
        statuses.push(answer.status)
      }

      const accepted = Array<number>(REPORTS_PER_HOUR).fill(201)
      expect(statuses).toEqual([...accepted, 429, 429])
      const [stored] = await instances[0]!.db.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM reports',
      )
      expect(stored!.n).toBe(REPORTS_PER_HOUR)
    })

    it('keeps answering through the other instance when one stops', async () => {
      await instances[1]!.close()
      instances.pop()

      const statuses = []
      for (let i = 0; i < 10; i++) {
        const answer = await fetch(`${proxyUrl}/api/lookup?lon=${LON}&lat=${LAT}`)
        await answer.arrayBuffer()
        statuses.push(answer.status)
      }
      expect(new Set(statuses)).toEqual(new Set([200]))
    })
  },
)
