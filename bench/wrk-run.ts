import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** What one wrk run measured. */
export interface WrkResult {
  requestsPerSecond: number
  requests: number
  /** Latency percentiles over all requests, milliseconds. */
  p50Ms: number
  p99Ms: number
  /** Socket errors, timeouts and responses other than 2xx or 3xx. */
  errors: number
}

export interface WrkOptions {
  /** Base URL of the server, without a trailing slash. */
  url: string
  /** Lua script written by `writeWrkScript`. */
  script: string
  threads: number
  connections: number
  durationSeconds: number
}

// The script's done() prints this line; wrk's own summary rounds latency to two digits.
const SUMMARY_LINE = /^BENCH p50_us=(\d+) p99_us=(\d+) requests=(\d+) errors=(\d+)$/m
const RATE_LINE = /^Requests\/sec:\s+([\d.]+)$/m

/**
 * Writes a wrk Lua script that requests the paths of `pathsFile` (one per line) in turn, round
 * and round, asking for gzip as browsers do, and prints a summary line parseWrkOutput reads.
 * Returns the script's path.
 */
export async function writeWrkScript(dir: string, pathsFile: string): Promise<string> {
  const script = path.join(dir, 'cycle-paths.lua')
  const lua = `wrk.headers["Accept-Encoding"] = "gzip"
local paths = {}
for line in io.lines(${JSON.stringify(pathsFile)}) do paths[#paths + 1] = line end
local count = #paths
local next = 0

request = function()
  next = next % count + 1
  return wrk.format(nil, paths[next])
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("BENCH p50_us=%d p99_us=%d requests=%d errors=%d\\n",
    latency:percentile(50), latency:percentile(99), summary.requests, errors))
end
`
  await writeFile(script, lua)
  return script
}

/** Runs wrk once and returns what it measured; throws with wrk's output when it fails. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.durationSeconds}s`,
    '-s',
    options.script,
    `${options.url}/`,
  ]
  const { stdout } = await execFileAsync('wrk', args, {
    timeout: (options.durationSeconds + 30) * 1000,
    maxBuffer: 1 << 20,
  })
  return parseWrkOutput(stdout)
}

/** Reads wrk's output with the summary line of our script. Throws when either is missing. */
export function parseWrkOutput(output: string): WrkResult {
  const rate = RATE_LINE.exec(output)
  const summary = SUMMARY_LINE.exec(output)
  if (!rate || !summary) {
    throw new Error(`wrk printed no summary; its output was:\n${output.slice(0, 2000)}`)
  }
  return {
    requestsPerSecond: Number(rate[1]),
    requests: Number(summary[3]),
    p50Ms: Number(summary[1]) / 1000,
    p99Ms: Number(summary[2]) / 1000,
    errors: Number(summary[4]),
  }
}
