import http from 'node:http'
import type { SiteKind } from './check-sites.ts'
import { runConcurrently } from './tile-client.ts'

const VERDICTS = new Set(['forbidden', 'conditional', 'consistent'])

/** One check as the client saw it. */
export interface CheckRecord {
  kind: SiteKind
  /** From sending the request to the last byte of the answer, milliseconds. */
  ms: number
  status: number
  /** The verdict of a 200 answer that has one. */
  verdict?: string
  /** Units the answer lists the site in. */
  units?: number
  /** What was wrong when the answer was not a 200 with a verdict: status and error code. */
  problem?: string
}

/** Checks posted one pass through a list, at most `concurrency` at a time. */
export interface CheckPass {
  concurrency: number
  records: CheckRecord[]
  /** From the first request to the last answer, milliseconds. */
  ms: number
  /** CPU time the client's process spent meanwhile, milliseconds (user and system). */
  clientCpuMs: number
}

/**
 * Posts every body to `POST /api/admission-check` on `baseUrl` over keep-alive connections, at
 * most `concurrency` at a time, in order, and records each answer: its time, status and
 * verdict. A socket error or timeout is recorded as status 0, not thrown.
 */
export async function postChecks(
  baseUrl: string,
  checks: { kind: SiteKind; body: string }[],
  concurrency: number,
): Promise<CheckPass> {
  const base = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const cpu = process.cpuUsage()
  try {
    const { results, ms } = await runConcurrently(checks, concurrency, (check) =>
      postOne(base, agent, check.body).then(
        (answer) => ({ kind: check.kind, ...recordOf(answer) }),
        (error: unknown) => ({
          kind: check.kind,
          ms: NaN,
          status: 0,
          problem: (error as Error).message,
        }),
      ),
    )
    const used = process.cpuUsage(cpu)
    return { concurrency, records: results, ms, clientCpuMs: (used.user + used.system) / 1000 }
  } finally {
    agent.destroy()
  }
}

/**
 * What an answer says for the benchmark: a 200 whose JSON has a verdict is a check done; any
 * other answer gets a problem naming its status and the error code it carried. Pure.
 */
export function recordOf(answer: {
  status: number
  body: string
  ms: number
}): Omit<CheckRecord, 'kind'> {
  const { status, ms } = answer
  let json: { verdict?: unknown; units?: unknown; error?: { code?: unknown } } | undefined
  try {
    json = JSON.parse(answer.body) as typeof json
  } catch {
    json = undefined
  }
  if (status === 200 && typeof json?.verdict === 'string' && VERDICTS.has(json.verdict)) {
    const units = Array.isArray(json.units) ? json.units.length : undefined
    return { ms, status, verdict: json.verdict, units }
  }
  const code = typeof json?.error?.code === 'string' ? json.error.code : undefined
  const problem =
    status === 200
      ? '200 without a verdict'
      : `${status}${code ? ` ${code}` : json ? '' : ' not JSON'}`
  return { ms, status, problem }
}

function postOne(
  base: URL,
  agent: http.Agent,
  body: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        method: 'POST',
        host: base.hostname,
        port: base.port,
        path: '/api/admission-check',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
        timeout: 120_000,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        )
      },
    )
    request.on('timeout', () => request.destroy(new Error('No answer in 120 s')))
    request.on('error', reject)
    request.end(body)
  })
}
