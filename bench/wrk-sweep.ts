import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

/** One pass of wrk over a list of paths, each requested once. */
export interface WrkSweepResult {
  /** From the first request sent to the last answer received, milliseconds (wrk's clock). */
  ms: number
  answered: number
  /** Answers 200 with a body. */
  filled: number
  /** Body bytes of those answers, as sent (compressed). */
  bytes: number
  /** Answers other than 200 and 204, and socket errors. */
  errors: number
  p50Ms: number
  p99Ms: number
  maxMs: number
}

export interface WrkSweepOptions {
  /** Base URL of the server, without a trailing slash. */
  url: string
  /** Lua script written by `writeSweepScript`. */
  script: string
  /** One path per line. */
  pathsFile: string
  connections: number
  /** Gives up (and throws) after this long. */
  timeoutMs: number
}

// wrk runs for a fixed duration; this script instead says when every path has been answered,
// and the caller then interrupts wrk, which prints its summary. Timing comes from LuaJIT's FFI
// (CLOCK_MONOTONIC), as wrk's own clock covers the whole fixed duration.
const SWEEP_LUA = `local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } sweep_timespec;
int clock_gettime(int clock, sweep_timespec *ts);
]]
local now_ts = ffi.new("sweep_timespec")
local function now_us()
  ffi.C.clock_gettime(1, now_ts)
  return tonumber(now_ts.tv_sec) * 1e6 + tonumber(now_ts.tv_nsec) / 1e3
end

wrk.headers["Accept-Encoding"] = "gzip"
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  scheduled, sent, answered, filled, bytes, bad, first_us, last_us = 0, 0, 0, 0, 0, 0, 0, 0
end

-- wrk asks delay() before each request, on every connection, before request() builds it: the
-- first #paths of them go at once, and any later one waits out the sweep.
function delay()
  if scheduled >= #paths then return 3600000 end
  scheduled = scheduled + 1
  return 0
end

function request()
  -- wrk builds one request to check it before any connection opens, before any delay().
  if scheduled == 0 then return wrk.format(nil, paths[1]) end
  if sent == 0 then first_us = now_us() end
  sent = sent + 1
  return wrk.format(nil, paths[math.min(sent, #paths)])
end

function response(status, headers, body)
  answered = answered + 1
  if status == 200 then
    filled = filled + 1
    bytes = bytes + #body
  elseif status ~= 204 then
    bad = bad + 1
  end
  if answered == #paths then
    last_us = now_us()
    io.write("SWEEP-ANSWERED\\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local t = threads[1]
  local e = summary.errors
  io.write(string.format(
    "SWEEP us=%d answered=%d filled=%d bytes=%d errors=%d p50_us=%d p99_us=%d max_us=%d\\n",
    t:get("last_us") - t:get("first_us"), t:get("answered"), t:get("filled"), t:get("bytes"),
    t:get("bad") + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`

const SUMMARY_FIELDS = ['us', 'answered', 'filled', 'bytes', 'errors', 'p50_us', 'p99_us', 'max_us']
const SUMMARY_LINE = new RegExp(
  `^SWEEP ${SUMMARY_FIELDS.map((f) => `${f}=(\\d+)`).join(' ')}$`,
  'm',
)

/** Writes the sweep script into `dir`; returns its path. */
export async function writeSweepScript(dir: string): Promise<string> {
  const script = path.join(dir, 'sweep-paths.lua')
  await writeFile(script, SWEEP_LUA)
  return script
}

/**
 * Runs wrk with one thread over the paths of a file, each once, at most `connections` at a time,
 * and returns what it measured. Throws when wrk fails or runs past the timeout.
 */
export function runWrkSweep(options: WrkSweepOptions): Promise<WrkSweepResult> {
  const seconds = Math.ceil(options.timeoutMs / 1000)
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${seconds}s`,
    `--timeout=${seconds}s`,
    '-s',
    options.script,
    `${options.url}/`,
    '--',
    options.pathsFile,
  ]
  return new Promise((resolve, reject) => {
    const wrk = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let answered = false
    let interrupting: NodeJS.Timeout | undefined
    wrk.stdout.setEncoding('utf8')
    wrk.stdout.on('data', (chunk: string) => {
      output += chunk
      if (!answered && output.includes('SWEEP-ANSWERED')) {
        answered = true
        // wrk's main thread sleeps out the duration; an interrupt ends it and prints done().
        // A short sweep can end before that sleep begins, so interrupt until wrk is gone.
        wrk.kill('SIGINT')
        interrupting = setInterval(() => wrk.kill('SIGINT'), 100)
      }
    })
    wrk.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    wrk.on('error', reject)
    wrk.on('close', () => {
      clearInterval(interrupting)
      const result = parseSweepOutput(output)
      if (!answered || !result) {
        const why = answered ? 'printed no summary' : `did not finish in ${seconds} s`
        reject(new Error(`wrk ${why}; its output was:\n${output.slice(0, 2000)}`))
      } else {
        resolve(result)
      }
    })
  })
}

/** Reads the summary line of the sweep script; undefined when it is missing. Pure. */
export function parseSweepOutput(output: string): WrkSweepResult | undefined {
  const match = SUMMARY_LINE.exec(output)
  if (!match) return undefined
  const n = match.slice(1).map(Number)
  return {
    ms: n[0]! / 1000,
    answered: n[1]!,
    filled: n[2]!,
    bytes: n[3]!,
    errors: n[4]!,
    p50Ms: n[5]! / 1000,
    p99Ms: n[6]! / 1000,
    maxMs: n[7]! / 1000,
  }
}
