import { describe, expect, it } from 'vitest'
import { recordOf, type CheckRecord } from '../../bench/check-client.ts'
import { countOutcomes, summariseChecks } from '../../bench/check-stats.ts'

function done(ms: number, units = 1, verdict = 'consistent'): CheckRecord {
  return { kind: 'point', ms, status: 200, verdict, units }
}

describe('summariseChecks', () => {
  // 10, 20, … 100 ms: nearest rank puts p50 at the 5th value, p95 and p99 at the 10th.
  const tens = Array.from({ length: 10 }, (_, i) => done((i + 1) * 10, i < 5 ? 1 : 2))

  it('takes nearest-rank percentiles and the mean over the checks done', () => {
    const summary = summariseChecks([{ records: tens, ms: 1000 }])
    expect(summary).toMatchObject({ checks: 10, done: 10, p50: 50, p95: 100, p99: 100 })
    expect(summary.mean).toBe(55)
    expect(summary.unitsPerSite).toBe(1.5)
    expect(summary.perSecond).toBe(10)
  })

  it('leaves failed checks out of the latency but counts them in the rate', () => {
    const failed: CheckRecord = { kind: 'point', ms: 5, status: 500, problem: '500 INTERNAL' }
    const timedOut: CheckRecord = { kind: 'point', ms: NaN, status: 0, problem: 'No answer' }
    const summary = summariseChecks([
      { records: tens.slice(0, 6), ms: 1500 },
      { records: [...tens.slice(6), failed, timedOut], ms: 1000 },
    ])
    // 12 checks over 2.5 s of wall time.
    expect(summary).toMatchObject({ checks: 12, done: 10, p50: 50, p99: 100, perSecond: 4.8 })
    expect(summary.mean).toBe(55)
  })

  it('gives NaN latencies when nothing was done', () => {
    const summary = summariseChecks([])
    expect(summary.checks).toBe(0)
    expect(summary.p50).toBeNaN()
    expect(summary.perSecond).toBeNaN()
  })
})

describe('countOutcomes', () => {
  it('counts verdicts and problems, most frequent first', () => {
    const records: CheckRecord[] = [
      done(1, 1, 'forbidden'),
      done(1, 1, 'consistent'),
      done(1, 1, 'forbidden'),
      { kind: 'point', ms: 1, status: 422, problem: '422 OUTSIDE_COVERAGE' },
      { kind: 'point', ms: 1, status: 500, problem: '500 INTERNAL' },
      { kind: 'point', ms: 1, status: 500, problem: '500 INTERNAL' },
    ]
    expect(countOutcomes(records)).toEqual({
      verdicts: [
        ['forbidden', 2],
        ['consistent', 1],
      ],
      problems: [
        ['500 INTERNAL', 2],
        ['422 OUTSIDE_COVERAGE', 1],
      ],
    })
  })
})

describe('recordOf', () => {
  it('reads the verdict and the units of a 200 answer', () => {
    const body = JSON.stringify({ verdict: 'conditional', units: [{}, {}], rules: [] })
    expect(recordOf({ status: 200, body, ms: 12 })).toEqual({
      ms: 12,
      status: 200,
      verdict: 'conditional',
      units: 2,
    })
  })

  it('names the status and error code of anything else', () => {
    const error = JSON.stringify({ error: { code: 'OUTSIDE_COVERAGE', message: '…' } })
    expect(recordOf({ status: 422, body: error, ms: 3 }).problem).toBe('422 OUTSIDE_COVERAGE')
    expect(recordOf({ status: 502, body: '<html>', ms: 3 }).problem).toBe('502 not JSON')
    expect(recordOf({ status: 200, body: '{"verdict":"maybe"}', ms: 3 })).toEqual({
      ms: 3,
      status: 200,
      problem: '200 without a verdict',
    })
  })
})
