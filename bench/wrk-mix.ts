import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { REPORT_CATEGORIES } from '../server/reports/report-category.ts'

/** The kinds of request the mixed load sends, in the order of their weights. */
export const MIX_KINDS = ['tile', 'lookup', 'check', 'report'] as const
export type MixKind = (typeof MIX_KINDS)[number]

/** What one kind of request met during a mixed run. */
export interface MixKindResult {
  /** Requests written to the server; one more than `answered` means one was left unanswered. */
  sent: number
  answered: number
  /** Latency of the answered requests, from writing the request to the end of the answer. */
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Answers by HTTP status. */
  statuses: Record<number, number>
}

/** What a mixed run measured, by kind and over all kinds. */
export interface MixResult {
  /** From the first request sent to the last answer received, milliseconds. */
  windowMs: number
  kinds: Record<MixKind, MixKindResult>
  all: MixKindResult
  /** Socket errors wrk counted: failed connects, reads and writes, and answers it gave up on. */
  socketErrors: { connect: number; read: number; write: number; timeout: number }
}

export interface MixOptions {
  /** Base URL of the server, without a trailing slash. */
  url: string
  /** Lua script written by `writeMixScript`. */
  script: string
  /** Connections, each in a wrk thread of its own. */
  connections: number
  seconds: number
  /** Relative weights of tile, lookup, check and report requests. */
  weights: [number, number, number, number]
  seed: number
  /** Tile paths, one per line. */
  tilesFile: string
  /** Points as `lon lat`, one per line, for lookups and reports. */
  pointsFile: string
  /** Admission-check request bodies, one JSON document per line. */
  checksFile: string
  /**
   * Time wrk has to start its threads before the load begins together on all of them, ms;
   * 1 s and 20 ms per connection when unset.
   */
  startDelayMs?: number
  /** How long a request still unanswered at the end may take before wrk is stopped, ms. */
  drainMs?: number
}

// Each wrk thread holds one connection, so its answers come back in the order of its requests:
// the script can time every request and count its answer under the kind that asked. wrk's own
// histogram mixes the kinds. Threads start together at an agreed wall-clock time, stop asking
// at the deadline once their last answer is in, and say so; the caller then interrupts wrk,
// which prints done(). Clocks come from LuaJIT's FFI, as in the sweep script.
const MIX_LUA = `local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } mix_timespec;
int clock_gettime(int clock, mix_timespec *ts);
]]
local clock_ts = ffi.new("mix_timespec")
local function clock_us(clock)
  ffi.C.clock_gettime(clock, clock_ts)
  return tonumber(clock_ts.tv_sec) * 1e6 + tonumber(clock_ts.tv_nsec) / 1e3
end
local function wall_ms() return clock_us(0) / 1e3 end
local function mono_us() return clock_us(1) end

local KINDS = { "tile", "lookup", "check", "report" }
local CATEGORIES = { __CATEGORIES__ }
local SEEN = { "河边有异味，水面发黑", "夜间持续机器噪声", "路边倾倒建筑垃圾", "烟囱冒黑烟",
  "养殖场污水直排沟渠", "林地被挖开取土" }
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- Lines numbered id, id + count, id + 2 count…: each thread a share, all of them together
-- every line; a thread beyond the line count takes one line.
local function share(file, count)
  local mine, all = {}, {}
  local n = 0
  for line in io.lines(file) do
    if line ~= "" then
      n = n + 1
      if (n - 1) % count == id - 1 then mine[#mine + 1] = line end
      if n <= count then all[n] = line end
    end
  end
  if #mine == 0 and n > 0 then mine[1] = all[(id - 1) % n + 1] end
  return mine
end

function init(args)
  start_ms = tonumber(args[1])
  stop_ms = start_ms + tonumber(args[2]) * 1000
  math.randomseed(tonumber(args[3]) * 1000 + id)
  cumulative = {}
  local total = 0
  for weight in string.gmatch(args[4], "[^,]+") do
    total = total + tonumber(weight)
    cumulative[#cumulative + 1] = total
  end
  local count = tonumber(args[5])
  tiles, points, checks = share(args[6], count), share(args[7], count), share(args[8], count)
  for i, line in ipairs(points) do
    local lon, lat = string.match(line, "^(%S+)%s+(%S+)$")
    points[i] = { lon = lon, lat = lat }
  end

  -- Flat tables only: wrk cannot hand a table of tables from a thread to done().
  sent, answered = {}, {}
  for k = 1, #KINDS do
    sent[k], answered[k] = 0, 0
    _G["latency" .. k], _G["statuses" .. k] = {}, {}
  end
  first_us, last_us, reports, finished, armed = 0, 0, 0, false, false
  tile_headers = { ["Accept-Encoding"] = "gzip" }
  json_headers = { ["Content-Type"] = "application/json" }
end

local function pick(list) return list[math.random(#list)] end

local function pick_kind()
  local r = math.random() * cumulative[#cumulative]
  for k = 1, #cumulative do
    if r < cumulative[k] then return k end
  end
  return #cumulative
end

-- A report from a client address of its own (10.x.y.z, unique per thread and report, up to
-- 256 threads), as the server's proxy would add it: the per-client limit is kept, not lifted.
local function report_request()
  reports = reports + 1
  local n = (id - 1) * 65536 + reports % 65536
  local address = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256,
    math.floor(n / 256) % 256, n % 256)
  local point = pick(points)
  local body = string.format('{"category":"%s","location":{"lon":%s,"lat":%s},' ..
    '"observedAt":"%s","description":"%s (%d-%d)"}',
    pick(CATEGORIES), point.lon, point.lat,
    os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(60, 7 * 86400)),
    pick(SEEN), id, reports)
  local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }
  return wrk.format("POST", "/api/reports", headers, body)
end

local function build(k)
  if k == 1 then return wrk.format("GET", pick(tiles), tile_headers) end
  if k == 2 then
    local point = pick(points)
    return wrk.format("GET", "/api/lookup?lon=" .. point.lon .. "&lat=" .. point.lat, {})
  end
  if k == 3 then return wrk.format("POST", "/api/admission-check", json_headers, pick(checks)) end
  return report_request()
end

-- wrk asks delay() before each request it sends, then request() to build it; it also builds
-- one request to check it before the thread runs, which no delay() precedes.
function delay()
  local now = wall_ms()
  if now < start_ms then
    armed = true
    return math.ceil(start_ms - now)
  end
  if now >= stop_ms then
    if not finished then
      finished = true
      io.write("MIX-THREAD-DONE\\n")
      io.flush()
    end
    wrk.thread:stop()
    return 3600000
  end
  armed = true
  return 0
end

function request()
  local real = armed or first_us > 0
  armed = false
  pending = pick_kind()
  if real then
    -- Without delay() first, wrk is sending again on a new connection: the request before
    -- this one stays unanswered.
    sent[pending] = sent[pending] + 1
    pending_us = mono_us()
    if first_us == 0 then first_us = pending_us end
  end
  return build(pending)
end

function response(status, headers, body)
  local now = mono_us()
  local latency, statuses = _G["latency" .. pending], _G["statuses" .. pending]
  answered[pending] = answered[pending] + 1
  latency[#latency + 1] = now - pending_us
  statuses[status] = (statuses[status] or 0) + 1
  last_us = now
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(p / 100 * #sorted))]
end

local function summary(name, kind)
  table.sort(kind.latency)
  io.write(string.format("MIX kind=%s sent=%d answered=%d p50_us=%d p99_us=%d max_us=%d\\n",
    name, kind.sent, kind.answered, percentile(kind.latency, 50), percentile(kind.latency, 99),
    kind.latency[#kind.latency] or 0))
  for status, count in pairs(kind.statuses) do
    io.write(string.format("MIX-STATUS kind=%s status=%d count=%d\\n", name, status, count))
  end
end

function done(totals, latency, requests)
  local merged, all = {}, { sent = 0, answered = 0, latency = {}, statuses = {} }
  local first, last = math.huge, 0
  for k = 1, #KINDS do merged[k] = { sent = 0, answered = 0, latency = {}, statuses = {} } end
  for _, thread in ipairs(threads) do
    local started = thread:get("first_us")
    if started > 0 then first = math.min(first, started) end
    last = math.max(last, thread:get("last_us"))
    local thread_sent, thread_answered = thread:get("sent"), thread:get("answered")
    for k = 1, #KINDS do
      local latency, statuses = thread:get("latency" .. k), thread:get("statuses" .. k)
      for _, into in ipairs({ merged[k], all }) do
        into.sent = into.sent + thread_sent[k]
        into.answered = into.answered + thread_answered[k]
        for _, us in ipairs(latency) do into.latency[#into.latency + 1] = us end
        for status, count in pairs(statuses) do
          into.statuses[status] = (into.statuses[status] or 0) + count
        end
      end
    end
  end
  for k, name in ipairs(KINDS) do summary(name, merged[k]) end
  summary("all", all)
  local e = totals.errors
  io.write(string.format("MIX-END window_us=%d connect=%d read=%d write=%d timeout=%d\\n",
    last > first and last - first or 0, e.connect, e.read, e.write, e.timeout))
end
`

/** Writes the mixed-load script into `dir`; returns its path. */
export async function writeMixScript(dir: string): Promise<string> {
  const script = path.join(dir, 'mixed-load.lua')
  const categories = REPORT_CATEGORIES.map((c) => `"${c}"`).join(', ')
  await writeFile(script, MIX_LUA.replace('__CATEGORIES__', categories))
  return script
}

/**
 * Runs the mixed load: `connections` wrk threads of one connection each, every request drawn
 * by weight among tiles, lookups, admission checks and reports, for `seconds` from a start
 * agreed by all threads. Returns what the script counted once every thread has its last
 * answer. Throws when wrk fails or an answer is still missing `drainMs` after the end.
 */
export function runMixedLoad(options: MixOptions): Promise<MixResult> {
  // Each thread reads its share of the files before it starts: about 10 ms apiece on 2 cores.
  const startDelayMs = options.startDelayMs ?? 1_000 + 20 * options.connections
  const drainMs = options.drainMs ?? 60_000
  const startMs = Date.now() + startDelayMs
  // wrk sleeps its whole duration unless interrupted; the threads stop by themselves sooner.
  const seconds = Math.ceil((startDelayMs + options.seconds * 1000 + drainMs) / 1000) + 5
  const args = [
    `-t${options.connections}`,
    `-c${options.connections}`,
    `-d${seconds}s`,
    `--timeout=${seconds}s`,
    '-s',
    options.script,
    `${options.url}/`,
    '--',
    String(startMs),
    String(options.seconds),
    String(options.seed),
    options.weights.join(','),
    String(options.connections),
    options.tilesFile,
    options.pointsFile,
    options.checksFile,
  ]
  return new Promise((resolve, reject) => {
    const wrk = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let finishedThreads = 0
    let interrupting: NodeJS.Timeout | undefined
    // An interrupt before wrk's main thread has begun to sleep is lost: repeat until it ends.
    const interrupt = () => {
      if (interrupting) return
      wrk.kill('SIGINT')
      interrupting = setInterval(() => wrk.kill('SIGINT'), 100)
    }
    const overdue = setTimeout(interrupt, startMs + options.seconds * 1000 + drainMs - Date.now())
    wrk.stdout.setEncoding('utf8')
    wrk.stdout.on('data', (chunk: string) => {
      output += chunk
      finishedThreads = output.split('MIX-THREAD-DONE').length - 1
      if (finishedThreads >= options.connections) interrupt()
    })
    wrk.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    wrk.on('error', reject)
    wrk.on('close', () => {
      clearTimeout(overdue)
      clearInterval(interrupting)
      const result = parseMixOutput(output)
      if (!result) {
        reject(new Error(`wrk printed no summary; its output was:\n${output.slice(0, 2000)}`))
      } else if (finishedThreads < options.connections) {
        const missing = result.all.sent - result.all.answered
        const message =
          `${missing} requests were still unanswered ${drainMs / 1000} s after the end of the ` +
          `load; wrk printed:\n${output.slice(0, 2000)}`
        reject(Object.assign(new Error(message), { result }))
      } else {
        resolve(result)
      }
    })
  })
}

const KIND_LINE =
  /^MIX kind=(\w+) sent=(\d+) answered=(\d+) p50_us=(\d+) p99_us=(\d+) max_us=(\d+)$/gm
const STATUS_LINE = /^MIX-STATUS kind=(\w+) status=(\d+) count=(\d+)$/gm
const END_LINE = /^MIX-END window_us=(\d+) connect=(\d+) read=(\d+) write=(\d+) timeout=(\d+)$/m

/** Reads what the mixed-load script printed; undefined when a line is missing. Pure. */
export function parseMixOutput(output: string): MixResult | undefined {
  const end = END_LINE.exec(output)
  const found = new Map<string, MixKindResult>()
  for (const m of output.matchAll(KIND_LINE)) {
    found.set(m[1]!, {
      sent: Number(m[2]),
      answered: Number(m[3]),
      p50Ms: Number(m[4]) / 1000,
      p99Ms: Number(m[5]) / 1000,
      maxMs: Number(m[6]) / 1000,
      statuses: {},
    })
  }
  for (const m of output.matchAll(STATUS_LINE)) {
    const kind = found.get(m[1]!)
    if (kind) kind.statuses[Number(m[2])] = Number(m[3])
  }
  const all = found.get('all')
  if (!end || !all || MIX_KINDS.some((kind) => !found.has(kind))) return undefined

  const n = end.slice(1).map(Number)
  return {
    windowMs: n[0]! / 1000,
    kinds: Object.fromEntries(MIX_KINDS.map((kind) => [kind, found.get(kind)!])) as Record<
      MixKind,
      MixKindResult
    >,
    all,
    socketErrors: { connect: n[1]!, read: n[2]!, write: n[3]!, timeout: n[4]! },
  }
}
