import type { TileAddress } from '../server/tiles/tile-address.ts'
import { OVERVIEW_LIMITS } from '../server/tiles/layer-index.ts'
import type { LonLatBox } from '../server/tiles/tile-range.ts'
import {
  PROVINCE_PG,
  type AdmissionResult,
  type KindPass,
  type SiteSet,
  type TargetRun,
} from './admission-checks.ts'
import type { BenchArguments } from './bench-arguments.ts'
import { countOutcomes, summariseChecks, type CheckSummary } from './check-stats.ts'
import { OUTSIDE_STATEMENTS, type CheckProfile } from './check-profile.ts'
import { MANY_VERTICES, SITE_KINDS, type SiteKind } from './check-sites.ts'
import {
  OURS_CACHED,
  OURS_CUTTER,
  OURS_PG,
  ST_ASMVT as ST_ASMVT_COLD,
  type ColdResult,
} from './cold-pyramid.ts'
import { combineSweeps, latencyByZoom, type Sweep, type ZoomLatency } from './cold-sweep.ts'
import type { MachineInfo } from './machine-info.ts'
import { table, wrapText } from './markdown-text.ts'
import {
  INDEX,
  ST_ASMVT as ST_ASMVT_PROVINCE,
  WINDOW,
  type PreparedProvince,
  type ProvinceScaleResult,
  type ServerRun,
} from './province-scale.ts'
import { REPORT_ROUTE, type MixedLoadResult } from './mixed-load.ts'
import { median } from './sample-stats.ts'
import type { WarmResult } from './warm-tiles.ts'
import { MIX_KINDS, type MixKind, type MixKindResult } from './wrk-mix.ts'

export interface LayerSize {
  name: string
  features: number
  vertices: number
}

/** Everything one run measured, as the report needs it. */
export interface BenchResults {
  args: BenchArguments
  argv: string[]
  machine: MachineInfo
  wrk: string
  postgres: string
  postgis: string | undefined
  hengyang?: { layers: LayerSize[]; loadMs: number }
  warm?: WarmResult
  cold?: ColdResult & { tiles: TileAddress[]; box: LonLatBox }
  province?: ProvinceScaleResult
  /** The province layer as built for parts 3 and 4. */
  provinceLayer?: Pick<PreparedProvince, 'built' | 'importMs' | 'vertices'>
  admission?: AdmissionResult
  mixed?: MixedLoadResult
  failures: { part: number; message: string }[]
  loadAtEnd?: number
  totalSeconds?: number
}

const WARM_GOAL = 0.8
const SWEEP_GOAL = 20
// Part 2: ST_AsMVT's time over ours for the Hengyang pyramid.
const COLD_GOAL = 10
const P99_GOAL_MS = 50
const RSS_GOAL = 1.5 * 2 ** 30
// Part 4: p95 of a check on a 200-vertex polygon, PostgreSQL, province scale, concurrency 1.
const CHECK_P95_GOAL_MS = 50

/** The report as Markdown, prose wrapped at 100 columns. Pure. */
export function renderResults(results: BenchResults): string {
  const sections = [
    header(results),
    results.warm ? warmSection(results.warm, results.args) : undefined,
    results.cold ? coldSection(results.cold, results.args) : undefined,
    results.province ? provinceSection(results.province, results.args) : undefined,
    results.admission ? admissionSection(results.admission, results.args) : undefined,
    results.mixed ? mixedSection(results.mixed, results.args, results.machine.cores) : undefined,
    failureSection(results),
    caveats(results),
  ]
  return `${sections.filter((s) => s !== undefined).join('\n\n')}\n`
}

function header(results: BenchResults): string {
  const { machine, args } = results
  const command = ['npm run bench', ...(results.argv.length > 0 ? ['--', ...results.argv] : [])]
  const rows: string[][] = [
    ['CPU', `${machine.cpu}, ${machine.cores} cores (nproc)`],
    ['memory', `${fixed(machine.memoryGb, 1)} GiB`],
    ['system', machine.kernel],
    [
      'load average, 1 min',
      `${fixed(machine.loadAtStart, 2)} at start, ${fixed(results.loadAtEnd ?? NaN, 2)} at end`,
    ],
    ['Node.js', machine.node],
    ['PostgreSQL', results.postgres.replace(/^PostgreSQL /, '')],
    ['PostGIS', results.postgis ? postgisVersion(results.postgis) : 'not measured'],
  ]
  if (results.wrk) {
    const wrk = results.wrk.split(' ').slice(0, 2).join(' ')
    rows.push(['load generator', `${wrk}: one thread in parts 1–3, one per connection in part 5`])
    if (results.cold || results.province) {
      rows.push(['cold sweeps', `concurrency ${args.concurrency}, ours and ST_AsMVT alike`])
    }
  }
  if (results.admission) {
    rows.push([
      'admission checks',
      'a Node.js client in the benchmark process, concurrency 1 and ' +
        `${results.admission.concurrency}`,
    ])
  }
  if (results.hengyang) {
    const layers = results.hengyang.layers
    const features = layers.reduce((sum, l) => sum + l.features, 0)
    const vertices = layers.reduce((sum, l) => sum + l.vertices, 0)
    const units = layers.find((l) => l.name === 'control_units')
    rows.push([
      'Hengyang sample',
      `${layers.length} layers, ${int(features)} features, ${int(vertices)} vertices ` +
        `(control_units: ${int(units?.features ?? NaN)} features, ${int(units?.vertices ?? NaN)} ` +
        `vertices); loaded by the server in ${fixed(results.hengyang.loadMs / 1000, 1)} s`,
    ])
  }
  if (results.provinceLayer) {
    const p = results.provinceLayer
    rows.push([
      'province layer',
      `${int(p.built.units)} units over Hunan, ${int(p.vertices)} vertices, ` +
        `${fixed(p.built.bytes / 1e6, 1)} MB of GeoJSON; built in ` +
        `${fixed(p.built.seconds, 1)} s, imported in ${fixed(p.importMs / 1000, 1)} s`,
    ])
  }

  const load = Math.max(machine.loadAtStart, results.loadAtEnd ?? 0)
  const busy =
    load > machine.cores
      ? ` The load average (${fixed(load, 1)} on ${machine.cores} cores) shows other work on ` +
        'the machine during this run: absolute figures are low and spreads wide; the ratios, ' +
        'taken from interleaved runs, hold better.'
      : ''
  return [
    '# Benchmarks: tiles, admission checks and a mixed load',
    wrapText(
      `Written by \`${command.join(' ')}\` on ${machine.date.slice(0, 16).replace('T', ' ')} ` +
        `UTC, in ${fixed(results.totalSeconds ?? NaN, 0)} s. One run on one machine: compare the ` +
        'ratios within it, not absolute figures across runs. **The load generator, the servers, ' +
        "PostgreSQL and the benchmark's own process all share the " +
        `${machine.cores} cores**, and the load average says how busy the machine was ` +
        `besides.${busy}`,
    ),
    table(['', ''], rows),
    wrapText(
      'To rerun: PostgreSQL with PostGIS at `BENCH_DATABASE_URL` (default ' +
        '`postgres://postgres@127.0.0.1:5432/postgres`; the role creates and drops scratch ' +
        'databases), `wrk` installed for parts 1–3 and 5 (`apt-get install wrk`), Redis at ' +
        '`BENCH_REDIS_URL` (default `redis://127.0.0.1:6379`; optional but for part 5), then:',
    ),
    [
      '```sh',
      command.join(' '),
      ...(args.parts.has(3) || args.parts.has(4)
        ? [
            '# parts 3 and 4 build the province layer as this does:',
            `npm run build-province -- --units ${args.provinceUnits} --seed ${args.seed}`,
          ]
        : []),
      '```',
    ].join('\n'),
  ].join('\n\n')
}

function warmSection(warm: WarmResult, args: BenchArguments): string {
  const bare = warm.sides.find((side) => side.name.startsWith('bare'))
  const rows = warm.sides.map((side) => [
    side.name,
    int(side.rate.median),
    `${int(side.rate.min)}–${int(side.rate.max)}`,
    percent(side.rate.spread),
    fixed(median(side.runs.map((r) => r.p50Ms)) ?? NaN, 2),
    fixed(median(side.runs.map((r) => r.p99Ms)) ?? NaN, 2),
    String(side.runs.reduce((sum, r) => sum + r.errors, 0)),
    fixed(bare ? side.rate.median / bare.rate.median : NaN, 2),
  ])
  const memory = warm.sides.find((side) => side.name.includes('memory'))
  const ratio = memory && bare ? memory.rate.median / bare.rate.median : NaN
  const verdict =
    ratio >= WARM_GOAL
      ? `meets the goal of ${WARM_GOAL}.`
      : `misses the goal of ${WARM_GOAL} (plain Koa measured about 0.5 on a machine like this).`
  const zooms = warm.perZoom.map((z) => `z${z.z} ${int(z.urls)}`).join(', ')
  const statuses = Object.entries(warm.statuses)
    .map(([status, count]) => `${int(count)} × ${status}`)
    .join(', ')
  const misses = warm.missesDuringRuns.reduce((sum, n) => sum + n, 0)

  return [
    '## 1. Warm tiles',
    wrapText(
      `${int(warm.urls)} distinct URLs: every tile of zooms ${args.warmMinzoom}–` +
        `${args.warmMaxzoom} over the Hengyang sample, for \`control_units\` and for the ` +
        `composite \`zoning\` (${zooms}), shuffled once. They answer ${statuses}, ` +
        `${fixed(warm.bytes / 1e6, 1)} MB gzip-compressed in all. One warm-up pass cut every ` +
        `tile (${fixed(warm.warmupMs / 1000, 1)} s at concurrency ${args.concurrency}) and ` +
        'recorded the answers; the bare `node:http` server answers the same status, headers ' +
        `and bytes from a \`Map\`. Then \`wrk -t1 -c${args.connections} ` +
        `-d${args.durationSeconds}s\` with a Lua script cycling through the URLs ` +
        `(\`Accept-Encoding: gzip\`), ${args.rounds} rounds per server, the order of the ` +
        `servers reversed every other round. Our servers counted ${int(misses)} cache misses ` +
        'during the wrk runs.',
    ),
    table(
      ['server', 'requests/s, median', 'min–max', 'spread', 'p50 ms', 'p99 ms', 'errors', '/ bare'],
      rows,
    ),
    wrapText(
      `**Ours (memory cache) / bare = ${fixed(ratio, 2)}**, which ${verdict}` +
        (warm.redisSkipped
          ? ` No Redis row: ${warm.redisSkipped}.`
          : ' With Redis, our server keeps the tiles it serves in memory in front of Redis, so ' +
            'its warm answers come from memory too; Redis spares the other servers the cuts.'),
    ),
  ].join('\n\n')
}

function coldSection(cold: NonNullable<BenchResults['cold']>, args: BenchArguments): string {
  const sides = [...cold.sweeps].filter(([, sweeps]) => sweeps.length > 0)
  const subset = Number.isFinite(args.coldPerZoom)
    ? `A fixed random sample (seed ${args.seed}) of at most ${args.coldPerZoom} tiles per zoom`
    : 'Every tile'
  const ours = medianMs(cold.sweeps.get(OURS_PG) ?? [])
  const reference = medianMs(cold.sweeps.get(ST_ASMVT_COLD) ?? [])
  const ratio = reference / ours
  const cutterRatio = reference / medianMs(cold.sweeps.get(OURS_CUTTER) ?? [])
  const floorRatio = reference / medianMs(cold.sweeps.get(OURS_CACHED) ?? [])
  const verdict = (r: number) => `goal ≥ ${COLD_GOAL}×: ${r >= COLD_GOAL ? 'met' : 'not met'}`
  const started = cold.embeddedStartMs.map((ms) => fixed(ms / 1000, 1)).join(' and ')

  return [
    '## 2. Cold pyramid, Hengyang',
    wrapText(
      `${subset} of zooms 0–14 over the sample's bounds ` +
        `(${cold.box.map((v) => fixed(v, 3)).join(', ')}): ${int(cold.tiles.length)} tiles of ` +
        'the composite `zoning`, every layer in each tile with the label points of the named ' +
        'areas (ST_AsMVT reads these from tables of them made before the sweeps, as a Martin ' +
        'deployment would from a materialised view), each cut once per sweep at ' +
        `concurrency ${args.concurrency}, ${rounds(args.coldRounds)}, the order of the cutters ` +
        'reversed every other round. Ours: a fresh server process with an empty memory cache ' +
        'for every sweep, asked over HTTP by wrk (one thread, one connection per concurrent ' +
        "tile, zoom after zoom, the sweep time being the sum of the zooms' and the latency wrk's " +
        'own); each tile is cut, gzip-compressed and cached. As it starts, the server readies ' +
        "its layers' sources (in-memory indexes built, the tiles of the overview zooms encoded), " +
        'and the sweep begins once they are ready, as in part 3. ST_AsMVT: one query per tile ' +
        `through a pool of ${args.concurrency} connections, as Martin and pg_tileserv cut tiles ` +
        '(ST_TileEnvelope, the index searched with the buffered envelope, ST_Transform to 3857, ' +
        'ST_AsMVTGeom, one ST_AsMVT per layer, the layers concatenated), timed as the query ' +
        'round trip, without HTTP or compression. Ours, cutting alone: the same cutter the ' +
        'server uses, new for every sweep, in the benchmark process and timed as ST_AsMVT is, ' +
        'without HTTP, compression or cache; it readies its sources first, as the server does. ' +
        'Ours, every tile cached: our server swept a second time, every ' +
        'tile a cache hit: the floor HTTP sets at this concurrency, which no cutter can go ' +
        'below.' +
        (started
          ? ` Starting the PGlite server and loading the sample into it took ${started} s, ` +
            'not counted.'
          : ''),
    ),
    sweepTable(sides, (sweepMs) => fixed(sweepMs / ours, 2), 'time / ours'),
    wrapText(
      `**ST_AsMVT took ${fixed(ratio, 2)} times as long as our server for the pyramid** ` +
        `(medians; ${verdict(ratio)}), and ${fixed(cutterRatio, 2)} times as long as our ` +
        `cutter alone, which is timed the way ST_AsMVT is (${verdict(cutterRatio)}). MB: our ` +
        'server gzip-compressed as served, the cutter alone and ST_AsMVT uncompressed. Over HTTP ' +
        `at this concurrency, with every tile cached, the sweep is ${fixed(floorRatio, 1)} ` +
        "times as fast as ST_AsMVT's: no server answering over HTTP here could do better.",
    ),
    readyingText(sides, reference),
    `Latency of one tile by zoom, milliseconds, p50 / p99 over ${rounds(args.coldRounds)}:`,
    zoomTable(sides.map(([name, sweeps]) => [name, combineSweeps(sweeps)])),
  ].join('\n\n')
}

/** What readying the sources took, outside the sweeps, and the ratio with it counted in. */
function readyingText(sides: [string, Sweep[]][], reference: number): string {
  const readied = sides.flatMap(([name, sweeps]) => {
    const ready = sweeps.flatMap((sweep) => (sweep.readyMs === undefined ? [] : [sweep.readyMs]))
    return ready.length === sweeps.length && ready.length > 0
      ? [{ name, readyMs: median(ready)!, total: median(sweeps.map((s) => s.ms + s.readyMs!))! }]
      : []
  })
  if (readied.length === 0) return ''
  const times = readied.map((r) => `${r.name} ${fixed(r.readyMs / 1000, 2)} s`).join(', ')
  const ratios = readied
    .map((r) => `${fixed(reference / r.total, 2)} times as long as ${r.name}`)
    .join(', ')
  return wrapText(
    `Readying the sources, not in the sweeps (medians): ${times}. Counting it in, as a server ` +
      `would that started cold and swept at once, ST_AsMVT took ${ratios}.`,
  )
}

function provinceSection(p: ProvinceScaleResult, args: BenchArguments): string {
  const sweepsOf = (name: string) =>
    (p.runs.get(name) ?? []).flatMap((run) => (run.sweep ? [run.sweep] : []))
  const sides = [...p.runs.keys()]
    .map((name): [string, Sweep[]] => [name, sweepsOf(name)])
    .filter(([, sweeps]) => sweeps.length > 0)
  const reference = medianMs(sweepsOf(ST_ASMVT_PROVINCE))
  const perZoom = latencyByZoom(p.tiles.map((tile) => ({ tile, ms: 0, bytes: 0 })))
    .map((z) => `z${z.z} ${z.count}`)
    .join(', ')

  const oursNames = [WINDOW, INDEX].filter((name) => p.runs.has(name))
  const verdicts = oursNames.map((name) => {
    const runs = p.runs.get(name)!
    const failure = runs.find((run) => run.failed)?.failed
    if (failure) return indent(wrapText(`- ${name}: failed (${failure}).`))
    const sweeps = sweepsOf(name)
    const ratio = reference / medianMs(sweeps)
    const slow = combineSweeps(sweeps).filter((z) => z.p99 >= P99_GOAL_MS)
    const rss = Math.max(
      ...runs.map((run) => Math.max(run.server!.memoryAfter.rssMax, run.server!.peakRss ?? 0)),
    )
    const p99 =
      slow.length === 0
        ? 'met at every zoom'
        : `missed at ${slow.map((z) => `z${z.z} (${int(z.p99)} ms)`).join(', ')}`
    return indent(
      wrapText(
        `- ${name}: the sweep is ${fixed(ratio, 1)}× as fast as ST_AsMVT's (goal ≥ ` +
          `${SWEEP_GOAL}×: ${ratio >= SWEEP_GOAL ? 'met' : 'not met'}); p99 < ${P99_GOAL_MS} ` +
          `ms ${p99}; peak RSS ${mib(rss)} (goal < ${mib(RSS_GOAL)}: ` +
          `${rss < RSS_GOAL ? 'met' : 'not met'}).`,
      ),
    )
  })

  return [
    '## 3. Province scale, Hunan',
    wrapText(
      `A synthetic layer (\`npm run build-province\`, seed ${args.seed}): ` +
        `${int(p.built.units)} control units, ${int(p.vertices)} vertices, imported into a ` +
        "scratch database with the product's importer, then analysed. A fixed random sample of " +
        `up to ${args.provincePerZoom} tiles with data per zoom 0–14 (${perZoom}; fewer where ` +
        'the province covers fewer tiles), each cut once per sweep, cold, at concurrency ' +
        `${args.concurrency}, ${rounds(args.coldRounds)} in alternating order; our server is a ` +
        'fresh process with an empty cache for every sweep. As it starts, it readies the layer: ' +
        'it counts the vertices and, with the in-memory index, reads the whole layer, builds ' +
        'the index and encodes the tiles of its overview zooms ' +
        '(`server/tiles/layer-overview.ts`: zoom by zoom while they stay within ' +
        `${OVERVIEW_LIMITS.maxTiles.toLocaleString('en')} tiles and ` +
        `${OVERVIEW_LIMITS.maxBytes / 2 ** 20} MB), which the sweep then gets without cutting; ` +
        'the sweep begins once the layer is ' +
        'ready, and that time is the "ready" column, outside the sweep. RSS is sampled every ' +
        '100 ms in the server process (`process.memoryUsage().rss`); VmHWM is the peak the ' +
        'kernel recorded; both are the largest over the rounds. Our sweeps and ST_AsMVT as in ' +
        'part 2.',
    ),
    sweepTable(sides, (sweepMs) => fixed(reference / sweepMs, 2), 'ST_AsMVT time / this'),
    table(
      ['our server', 'ready s', 'RSS at start', 'ready', 'max sampled', 'VmHWM', 'heap at end'],
      oursNames.flatMap((name) => {
        const servers = (p.runs.get(name) ?? []).flatMap((r) => (r.server ? [r.server] : []))
        return servers.length > 0 ? [memoryRow(name, servers)] : []
      }),
    ),
    verdicts.join('\n'),
    `Latency of one tile by zoom, milliseconds, p50 / p99 over ${rounds(args.coldRounds)}:`,
    zoomTable(sides.map(([name, sweeps]) => [name, combineSweeps(sweeps)])),
  ].join('\n\n')
}

function admissionSection(a: AdmissionResult, args: BenchArguments): string {
  const counts = new Map<SiteKind, number>()
  for (const site of a.siteSets[0]?.sites ?? []) {
    counts.set(site.kind, (counts.get(site.kind) ?? 0) + 1)
  }
  const kinds = SITE_KINDS.map((k) => `${int(counts.get(k.kind) ?? 0)} × ${k.label}`).join('; ')
  const hengyang = a.siteSets.find((set) => set.data === 'hengyang')
  const province = a.siteSets.find((set) => set.data === 'province')
  const bodies = a.siteSets
    .map((set) => `${int(set.bodyBytes)} bytes (${dataName(set)})`)
    .join(', ')
  const cpu = a.targets.flatMap((t) => t.passes)
  const cpuShare =
    cpu.reduce((sum, pass) => sum + pass.clientCpuMs, 0) / cpu.reduce((sum, p) => sum + p.ms, 0)

  const data: string[] = []
  if (hengyang) {
    data.push(
      `The Hengyang sample as the server loads it: ${int(hengyang.units)} units, all ten ` +
        `layers, ${int(hengyang.rules)} rules.`,
    )
  }
  if (province) {
    const list = a.provinceList
    data.push(
      `The province layer of part 3 (${int(province.units)} units), which holds control units ` +
        "only. The product's importer (`npm run import -- FILE --layer industries`, then " +
        "`--layer rules`) loaded the sample's industry catalogue" +
        (list ? ` (${int(list.industries)} codes)` : '') +
        " and an access list shaped like the sample's: its rules on unit classes and layers, " +
        'and for each unit the rules of a sample unit of the same class drawn at random, ' +
        `${int(province.rules)} rules in all` +
        (list ? `, in ${fixed(list.importMs / 1000, 1)} s` : '') +
        '. The zone and feature layers are empty there, so the zone, nearby-zone and ' +
        'distance-rule statements find nothing.',
    )
  }

  const intro = wrapText(
    `${int(args.checkSites)} sites per data set (seed ${args.seed}; \`bench/check-sites.ts\`, ` +
      `\`bench/check-site-placement.ts\`) of five kinds: ${kinds}. Polygons cover 1–100 ha, ` +
      'drawn log-uniformly; they are regular-ish (vertex angles jittered by up to a quarter ' +
      'step, radii by up to 30%), with 4–40 vertices (most under 15) or 200. Sites across a unit ' +
      "boundary are centred on a point of a unit's outer ring, found by a query " +
      '(`ST_LineInterpolatePoint` at a random fraction), and kept only when they overlap two ' +
      "units or more; the others are centred anywhere in the units' box. Every site is kept " +
      'only when it lies wholly in control units, so every check is inside the covered area. ' +
      'Each request is `POST /api/admission-check` with the site as JSON `geometry`, an ' +
      'industry code from the catalogue (half of them among those the rules name) and one of ' +
      `the four project kinds; bodies average ${bodies}.`,
  )
  const method = wrapText(
    `Each server is a fresh process (sensitive zones listed within ${int(a.nearbyM)} m, ` +
      `10 connections to PostgreSQL). ${a.warmup} checks warm it up. For latency, every site ` +
      'is then posted once at concurrency 1, in a fixed shuffled order so that a drift of the ' +
      "machine's load touches every kind alike; a kind's checks/s there is its checks over the " +
      "sum of their latencies. For throughput, each kind's sites are posted at concurrency " +
      `${a.concurrency} in a pass of their own, in two rounds of half the sites each, the ` +
      'order of the kinds reversed in the second; checks/s is the checks over the wall time ' +
      'of the passes, whose last few checks run at lower concurrency as a pass drains. ' +
      '**Every check is stored**: the ' +
      "server inserts each answer into `admission_checks` in the check's transaction before " +
      'it replies, and that INSERT is part of every figure. The client is Node.js (`http`, ' +
      'keep-alive) in the benchmark process, so that each answer is read: its latency, ' +
      'status and verdict, by kind. A Node.js client measures itself near a few thousand ' +
      'requests/s on this machine; checks run far slower, and the client used ' +
      `${percent(cpuShare)} of one core over the passes, on the same cores as the server and ` +
      'PostgreSQL. Latency runs from sending the request to the last byte of the answer.',
  )

  const goal = goalLine(a)
  return [
    '## 4. Admission checks',
    intro,
    data.map((line) => wrapText(line)).join('\n\n'),
    method,
    ...a.targets.flatMap((target) => targetTables(target, a)),
    goal,
    profileSection(a.targets),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
}

const MIX_LABELS: Record<MixKind, string> = {
  tile: 'warm tiles',
  lookup: 'lookups',
  check: 'admission checks',
  report: 'reports',
}

function mixedSection(m: MixedLoadResult, args: BenchArguments, cores: number): string {
  const { mix } = m
  const seconds = mix.windowMs / 1000
  const statuses = (kind: MixKindResult) =>
    Object.entries(kind.statuses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, n]) => `${int(n)} × ${status}`)
      .join(', ') || '–'
  const row = (label: string, kind: MixKindResult) => [
    label,
    percent(kind.sent / mix.all.sent),
    int(kind.answered),
    int(kind.answered / seconds),
    ms(kind.p50Ms),
    ms(kind.p99Ms),
    ms(kind.maxMs),
    statuses(kind),
  ]
  const rows = [
    ...MIX_KINDS.map((kind) => row(MIX_LABELS[kind], mix.kinds[kind])),
    row('**all**', mix.all),
  ]

  const sumOf = (pick: (status: number) => boolean, counts: [string | number, number][]) =>
    counts.filter(([status]) => pick(Number(status))).reduce((sum, [, n]) => sum + n, 0)
  const fromServer = [...m.serverCounts].map(([key, n]): [number, number] => [
    Number(key.split(' ').at(-1)),
    n,
  ])
  const clientErrors = sumOf((s) => s >= 500, Object.entries(mix.all.statuses))
  const serverErrors = sumOf((s) => s >= 500, fromServer)
  const limited = sumOf((s) => s === 429, Object.entries(mix.all.statuses))
  const unanswered = mix.all.sent - mix.all.answered
  const socket = mix.socketErrors
  const socketErrors = socket.connect + socket.read + socket.write + socket.timeout
  const created = mix.kinds.report.statuses[201] ?? 0
  const createdByServer = m.serverCounts.get(`${REPORT_ROUTE} 201`) ?? 0
  const problems = [
    clientErrors > 0 ? `${int(clientErrors)} answers 5xx` : '',
    serverErrors !== clientErrors ? `the server counted ${int(serverErrors)} answers 5xx` : '',
    unanswered > 0 ? `${int(unanswered)} requests unanswered` : '',
    socketErrors > 0 ? `${int(socketErrors)} socket errors` : '',
    created !== m.reportsStored
      ? `${int(created)} reports answered 201 but ${int(m.reportsStored)} stored`
      : '',
  ].filter((p) => p !== '')
  const verdict =
    problems.length === 0
      ? '**No 5xx and nothing lost.**'
      : `**Not met: ${problems.join('; ')}.**${m.unanswered ? ` ${m.unanswered}.` : ''}`

  const kinds = [...m.checkKinds].map(([kind, n]) => `${int(n)} × ${kind}`).join(', ')
  const emptyTiles = m.warm.answered - m.warm.filled
  const samples = m.load.samples
  const loadRange =
    samples.length > 0 ? `${fixed(Math.min(...samples), 2)}–${fixed(Math.max(...samples), 2)}` : '–'
  const logged =
    m.logProblems.length === 0
      ? 'The server logged no warning or error during the part.'
      : 'The server logged: ' +
        m.logProblems
          .slice(0, 5)
          .map((p) => `${int(p.count)} × ${p.level} "${p.message}"`)
          .join('; ') +
        '.'

  return [
    '## 5. Mixed load',
    wrapText(
      `One server on PostgreSQL (the Hengyang sample, ${m.poolSize} connections) with its tile ` +
        'cache and rate limits in Redis, under `wrk` with a Lua script (`bench/wrk-mix.ts`) ' +
        `that draws every request by weight, ${args.mixedWeights.join(':')} for warm tiles, ` +
        `lookups, admission checks and reports, from ${args.mixedConnections} connections for ` +
        `${args.mixedSeconds} s. Each connection runs in a wrk thread of its own, so the ` +
        'script times every request and counts its answer under its kind; the threads start ' +
        'together and stop asking at the end once their last answer is in. Tiles: ' +
        `${int(m.urls)} URLs, every tile of zooms ${args.warmMinzoom}–${args.warmMaxzoom} for ` +
        '`control_units` and `zoning`, all cut into Redis by one sweep beforehand ' +
        `(${int(m.warm.filled)} × 200, ${int(emptyTiles)} × 204, ` +
        `${fixed(m.warm.ms / 1000, 1)} s at concurrency ${args.concurrency}). Lookups and ` +
        `reports: ${int(m.points)} points drawn uniformly over the control units ` +
        '(`ST_GeneratePoints`). Admission checks: ' +
        `${int([...m.checkKinds.values()].reduce((a, b) => a + b, 0))} sites drawn as in part 4 ` +
        `(${kinds}; bodies of ${int(m.checkBodyBytes)} bytes on average). Reports: JSON, ` +
        'no photos, each from a client address of its own in `X-Forwarded-For`, which the ' +
        "server believes for one hop (`TRUST_PROXY_HOPS=1`, as behind the deployment's " +
        'proxy): the limit of `REPORT_RATE_LIMIT` reports per client and hour stays on and ' +
        'is counted in Redis for every report. Five seconds of lookups and checks warmed the ' +
        'server up beforehand. Requests/s are answers over the ' +
        `${fixed(seconds, 1)} s from the first request to the last answer; latency runs from ` +
        'writing the request to the end of the answer.',
    ),
    table(
      ['kind', 'share', 'answered', 'requests/s', 'p50 ms', 'p99 ms', 'max ms', 'statuses'],
      rows,
    ),
    wrapText(
      `${verdict} ${int(mix.all.answered)} of ${int(mix.all.sent)} requests answered; ` +
        `socket errors: ${socket.connect} connect, ${socket.read} read, ${socket.write} write, ` +
        `${socket.timeout} timeout. Answers 5xx: ${int(clientErrors)} seen by wrk, ` +
        `${int(serverErrors)} counted by the server (\`/metrics\`). Reports: wrk saw ` +
        `${int(created)} answers 201, the server counted ${int(createdByServer)}, and the ` +
        `database gained ${int(m.reportsStored)} rows in \`reports\`; ${int(limited)} ` +
        'answers 429.',
    ),
    wrapText(
      `Server memory: RSS ${mib(m.memoryBefore.rss)} after the warm-up, at most ` +
        `${mib(m.memoryAfter.rssMax)} sampled every 100 ms during the load, ` +
        `${mib(m.memoryAfter.rss)} at its end (heap ${mib(m.memoryAfter.heapUsed)}); VmHWM ` +
        `${mib(m.peakRss ?? NaN)}, the peak since the process started, cutting included. ` +
        `Load average (1 min) while it ran: ${fixed(m.load.atStart, 2)} at the start, ` +
        `${loadRange} sampled every 2 s, ${fixed(m.load.atEnd, 2)} at the end, on ${cores} ` +
        "cores that wrk's threads, the server, PostgreSQL and Redis share. " +
        logged,
    ),
  ].join('\n\n')
}

function dataName(set: SiteSet): string {
  return set.data === 'hengyang' ? 'Hengyang' : 'province'
}

function targetTables(target: TargetRun, a: AdmissionResult): string[] {
  const heading = `### ${target.name}`
  if (target.failed) return [heading, wrapText(`Failed: ${target.failed.split('\n')[0]}`)]
  const at = (concurrency: number, kind?: SiteKind) =>
    summariseChecks(
      target.passes.filter(
        (p) => p.concurrency === concurrency && (kind === undefined || p.kind === kind),
      ),
    )
  const cells = (summary: CheckSummary) => [
    `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)}`,
    rate(summary.perSecond),
  ]
  const row = (label: string, kind?: SiteKind) => {
    const one = at(1, kind)
    return [
      label,
      int(one.checks),
      fixed(one.unitsPerSite, 2),
      ...cells(one),
      ...cells(at(a.concurrency, kind)),
    ]
  }
  const kinds = SITE_KINDS.filter((k) => target.passes.some((p) => p.kind === k.kind))
  const rows = [...kinds.map((k) => row(k.label, k.kind)), row('**all sites**')]

  const records = target.passes.flatMap((pass) => pass.records)
  const { verdicts, problems } = countOutcomes(records)
  const start = `${fixed(target.startMs / 1000, 1)} s`
  const started =
    target.backEnd === 'PostgreSQL'
      ? ''
      : target.loadMs === undefined
        ? ` Starting it, PGlite and the sample load included, took ${start}.`
        : ' Loading the units, industries and rules into a new PGlite folder with the ' +
          `importer took ${fixed(target.loadMs / 1000, 1)} s beforehand, and starting the ` +
          `server on it ${start}; neither is counted.`
  const answers =
    `${int(records.length)} checks measured: ` +
    verdicts.map(([verdict, n]) => `${int(n)} ${verdict}`).join(', ') +
    (problems.length === 0
      ? '; every answer was a 200 with a verdict.'
      : `; **${int(problems.reduce((sum, [, n]) => sum + n, 0))} other answers**: ` +
        problems.map(([problem, n]) => `${int(n)} × ${problem}`).join(', ') +
        '.')
  return [
    heading,
    table(
      [
        'site kind',
        'sites',
        'units per site',
        'c=1: p50 / p95 / p99 ms',
        'c=1: checks/s',
        `c=${a.concurrency}: p50 / p95 / p99 ms`,
        `c=${a.concurrency}: checks/s`,
      ],
      rows,
    ),
    wrapText(answers + started),
  ]
}

function goalLine(a: AdmissionResult): string {
  const target = a.targets.find((t) => t.name === PROVINCE_PG && !t.failed)
  if (!target) return ''
  const many = (p: KindPass) => p.kind.endsWith(`-${MANY_VERTICES}`)
  const one = summariseChecks(target.passes.filter((p) => many(p) && p.concurrency === 1))
  const loaded = summariseChecks(
    target.passes.filter((p) => many(p) && p.concurrency === a.concurrency),
  )
  const met = one.p95 < CHECK_P95_GOAL_MS
  return wrapText(
    `**Goal: p95 under ${CHECK_P95_GOAL_MS} ms for a ${MANY_VERTICES}-vertex polygon on ` +
      `PostgreSQL at province scale: ${ms(one.p95)} ms at concurrency 1 ` +
      `(${int(one.checks)} checks, inside units and across boundaries), ` +
      `${met ? 'met' : 'not met'}.** At concurrency ${a.concurrency} the same sites took ` +
      `${ms(loaded.p95)} ms at p95.`,
  )
}

function profileSection(targets: TargetRun[]): string {
  const profiled = targets.filter(
    (t): t is TargetRun & { profile: CheckProfile } => t.profile !== undefined,
  )
  if (profiled.length === 0) return ''
  const last = profiled.at(-1)!
  const steps = last.profile.steps.map((s) => s.step)
  for (const target of profiled) {
    for (const step of target.profile.steps) if (!steps.includes(step.step)) steps.push(step.step)
  }
  const rows = steps.map((step) => [
    step === OUTSIDE_STATEMENTS ? step : `\`${step}\``,
    ...profiled.flatMap((target) => {
      const found = target.profile.steps.find((s) => s.step === step)
      if (!found) return ['–', '–']
      if (step === OUTSIDE_STATEMENTS) return [fixed(found.ms, 1), '']
      return [fixed(found.ms, 1), `${fixed(found.statements, 1)} / ${int(found.rows)}`]
    }),
  ])
  rows.push([
    '**whole check**',
    ...profiled.flatMap((target) => [fixed(target.profile.totalMs, 1), '']),
  ])

  const top = last.profile.steps.filter((s) => s.step !== OUTSIDE_STATEMENTS).slice(0, 3)
  const topMs = top.reduce((sum, s) => sum + s.ms, 0)
  const plans = profiled.flatMap((target) =>
    target.profile.plans.map(
      (plan) =>
        `- ${target.name}, \`${plan.step}\` (${kindLabel(plan.kind)}): ` +
        `${fixed(plan.roundTripMs, 1)} ms round trip in the profile; ` +
        `${fixed(plan.executionMs, 1)} ms executing, ${fixed(plan.planningMs, 1)} ms planning.`,
    ),
  )
  return [
    "### Where a check's time goes",
    wrapText(
      `${profiled.map((t) => `${int(t.profile.checks)} checks on ${t.name}`).join(' and ')} ` +
        '(the first sites of each kind), run again in the benchmark process as the route runs ' +
        'them after parsing the body, each statement alone on one connection, named after ' +
        'the product function that sent it and the first table it reads ' +
        '(`bench/check-profile.ts`): milliseconds per check, mean, and statements / rows ' +
        'returned per check. On ' +
        `${last.name}, the three slowest steps take ${fixed(topMs, 1)} of ` +
        `${fixed(last.profile.totalMs, 1)} ms: ${top.map((s) => `\`${s.step}\``).join(', ')}.`,
    ),
    table(['step', ...profiled.flatMap((t) => [`${t.name}: ms`, 'statements / rows'])], rows),
    wrapText(
      'EXPLAIN (ANALYZE, BUFFERS) of the four slowest steps, each with its slowest statement ' +
        `among the ${MANY_VERTICES}-vertex polygons (or among all sites when none of those ran ` +
        'it), run once more in a transaction rolled back; the plans are in the log of the run. ' +
        'Round trip less execution and planning is the time spent sending the statement and ' +
        'reading its rows into Node.js:',
    ),
    plans.map((line) => indent(wrapText(line))).join('\n'),
  ].join('\n\n')
}

function kindLabel(kind: SiteKind): string {
  return SITE_KINDS.find((k) => k.kind === kind)?.label ?? kind
}

function rate(perSecond: number): string {
  return perSecond >= 100 ? int(perSecond) : fixed(perSecond, 1)
}

function sweepTable(
  sides: [string, Sweep[]][],
  relative: (sweepMs: number) => string,
  relativeHead: string,
): string {
  const head = ['cutter', 'tiles', 'with content', 'MB', 'sweep s, median', 'min–max', 'tiles/s']
  return table(
    [...head, relativeHead],
    sides.map(([name, sweeps]) => {
      const ms = medianMs(sweeps)
      const zooms = sweeps[0]!.zooms
      const sum = (pick: (zoom: ZoomLatency) => number) =>
        zooms.reduce((total, zoom) => total + pick(zoom), 0)
      const times = sweeps.map((sweep) => sweep.ms / 1000)
      return [
        name,
        int(sum((z) => z.count)),
        int(sum((z) => z.filled)),
        fixed(sum((z) => z.bytes) / 1e6, 1),
        fixed(ms / 1000, 1),
        `${fixed(Math.min(...times), 1)}–${fixed(Math.max(...times), 1)}`,
        int((sum((z) => z.count) * 1000) / ms),
        relative(ms),
      ]
    }),
  )
}

function memoryRow(name: string, servers: ServerRun[]): string[] {
  const largest = (pick: (server: ServerRun) => number | undefined) =>
    mib(Math.max(...servers.map((server) => pick(server) ?? NaN)))
  return [
    name.replace(/^ours, /, ''),
    fixed((median(servers.map((server) => server.sourceReadyMs)) ?? NaN) / 1000, 1),
    largest((server) => server.rssAtStart),
    largest((server) => server.memoryReady.rss),
    largest((server) => server.memoryAfter.rssMax),
    largest((server) => server.peakRss),
    largest((server) => server.memoryAfter.heapUsed),
  ]
}

function medianMs(sweeps: Sweep[]): number {
  return median(sweeps.map((sweep) => sweep.ms)) ?? NaN
}

/** Continues a wrapped list item on indented lines. */
function indent(text: string): string {
  return text.replaceAll('\n', '\n  ')
}

function zoomTable(sides: [string, ZoomLatency[]][]): string {
  const zooms = [...new Set(sides.flatMap(([, z]) => z.map((l) => l.z)))].sort((a, b) => a - b)
  const rows = zooms.map((z) => [
    String(z),
    int(sides[0]?.[1].find((l) => l.z === z)?.count ?? NaN),
    ...sides.map(([, latencies]) => {
      const at = latencies.find((l) => l.z === z)
      return at ? `${ms(at.p50)} / ${ms(at.p99)}` : '–'
    }),
  ])
  return table(['z', 'tiles', ...sides.map(([name]) => name)], rows)
}

function failureSection(results: BenchResults): string | undefined {
  if (results.failures.length === 0) return undefined
  return [
    '## Parts that failed',
    results.failures
      .map((f) =>
        wrapText(`- Part ${f.part}: ${f.message.split('\n')[0]}`).replaceAll('\n', '\n  '),
      )
      .join('\n'),
  ].join('\n\n')
}

function caveats(results: BenchResults): string {
  const cores = results.machine.cores
  const tiles = results.warm || results.cold || results.province
  const items = [
    ...(tiles
      ? [
          `Every process shares the machine's ${cores} cores. In part 1 wrk takes about one ` +
            'of them, which caps both servers; in the cold sweeps PostgreSQL, the server and the ' +
            'benchmark process compete.',
          'ST_AsMVT times are database round trips seen from the benchmark process; ours are ' +
            'HTTP requests that also gzip and cache each tile.',
          'Our tiles are cut by geojson-vt, which drops polygons smaller than its tolerance ' +
            'squared (3 of 4,096 pixels a side), so a low-zoom tile of many small units holds ' +
            'fewer features than the one ST_AsMVTGeom makes, or none. Both use extent 4096 and a ' +
            '64-pixel buffer and carry the same attributes.',
        ]
      : []),
    ...(results.mixed
      ? [
          `In part 5 every request shares the ${cores} cores with the rest: wrk's threads, ` +
            'the server, PostgreSQL and Redis. Its latencies are mostly queueing, and its ' +
            'requests/s are what the cores allow for this mix, not a ceiling of any one kind.',
        ]
      : []),
    ...(results.admission
      ? [
          `In part 4 the server, PostgreSQL and the client share the ${cores} cores: at ` +
            `concurrency ${results.admission.concurrency} the checks queue for them, so ` +
            'latency there is mostly waiting, and checks/s is what the cores allow. PGlite runs ' +
            "one statement at a time inside the server's process, whatever the concurrency.",
          'The province data has control units, industries and rules but no zones or ' +
            'features, so its checks skip the geodesic distance work that zones and rivers ' +
            'bring (see the Hengyang profile).',
        ]
      : []),
  ]
  return [
    '## Reading these numbers',
    items.map((item) => indent(wrapText(`- ${item}`))).join('\n'),
  ].join('\n\n')
}

function postgisVersion(full: string): string {
  const postgis = /POSTGIS="([^ "]+)/.exec(full)?.[1]
  const geos = /GEOS="([^-"]+)/.exec(full)?.[1]
  return [postgis, geos && `GEOS ${geos}`].filter(Boolean).join(', ') || full
}

function rounds(count: number): string {
  return count === 1 ? 'one round' : `${count} rounds`
}

function int(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–'
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–'
}

function ms(value: number): string {
  return value >= 100 ? int(value) : fixed(value, 1)
}

function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : '–'
}

function mib(bytes: number): string {
  return Number.isFinite(bytes) ? `${int(bytes / 2 ** 20)} MiB` : '–'
}
