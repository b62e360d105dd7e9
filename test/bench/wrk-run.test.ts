import { describe, expect, it } from 'vitest'
import { parseWrkOutput } from '../../bench/wrk-run.ts'

// Output of wrk 4.1.0 with the script written by writeWrkScript, as one run printed it.
const OUTPUT = `Running 8s test @ http://127.0.0.1:40123/
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.52ms    4.10ms  61.30ms   93.12%
    Req/Sec    15.21k     1.02k   17.00k    71.25%
  121086 requests in 8.00s, 412.50MB read
Requests/sec:  15131.72
Transfer/sec:     51.56MB
BENCH p50_us=2841 p99_us=21690 requests=121086 errors=3
`

describe('wrk output', () => {
  it('reads the rate, the request count, latency percentiles in ms and the errors', () => {
    expect(parseWrkOutput(OUTPUT)).toEqual({
      requestsPerSecond: 15131.72,
      requests: 121086,
      p50Ms: 2.841,
      p99Ms: 21.69,
      errors: 3,
    })
  })

  it('throws with the output when the summary line is missing', () => {
    const cut = OUTPUT.split('BENCH')[0]!
    expect(() => parseWrkOutput(cut)).toThrow(/wrk printed no summary[\s\S]*Requests\/sec/)
  })
})
