import { parseArgs } from 'node:util'

export type Part = 1 | 2 | 3 | 4 | 5
const PARTS: readonly Part[] = [1, 2, 3, 4, 5]

/** What `npm run bench` measures and how hard. */
export interface BenchArguments {
  parts: Set<Part>
  quick: boolean
  /** wrk rounds per server, each `durationSeconds` long. */
  rounds: number
  durationSeconds: number
  connections: number
  /** Tiles cut at a time in the cold sweeps, by both sides. */
  concurrency: number
  /** Sweeps per cutter in parts 2 and 3. */
  coldRounds: number
  warmMinzoom: number
  warmMaxzoom: number
  /** Most tiles per zoom in the cold Hengyang pyramid; Infinity for every tile. */
  coldPerZoom: number
  provinceUnits: number
  provincePerZoom: number
  forcedIndex: boolean
  /** Sites of the admission check in part 4, per data set. */
  checkSites: number
  /** Checks at a time in part 4's throughput passes. */
  checkConcurrency: number
  /** Seconds of part 5's mixed load. */
  mixedSeconds: number
  /** wrk connections of part 5, each in a thread of its own. */
  mixedConnections: number
  /** Relative weights of tiles, lookups, admission checks and reports in part 5. */
  mixedWeights: [number, number, number, number]
  embedded: boolean
  seed: number
  out: string
}

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--parts 1,2,3,4,5] [options]

Measures warm tiles against a bare node:http server (part 1), the cold Hengyang pyramid against
ST_AsMVT and on PGlite (part 2), the province-scale layer (part 3), the admission check on
the sample and the province layer (part 4), and a mixed load of tiles, lookups, checks and
reports (part 5), and writes the tables to bench/RESULTS.md, keeping there the latest figures
of the parts not run. Needs a PostgreSQL with PostGIS where the role may create databases
(BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and, for parts 1-3
and 5, wrk; uses Redis at BENCH_REDIS_URL (default redis://127.0.0.1:6379) when one answers,
and part 5 needs it.

  --quick               a short run (about 5 minutes): 2 rounds of 3 s, zooms 8-12 warm,
                        one cold round, at most 150 tiles per zoom cold, 5,000 province units,
                        15 tiles per zoom, 200 check sites, 15 s of mixed load
  --parts LIST          which parts, e.g. 1,3; default 1,2,3,4,5
  --rounds N            wrk runs per server; default 3
  --duration S          seconds per wrk run; default 8
  --connections N       wrk connections (one thread); default 50
  --concurrency C       tiles at a time in cold sweeps, ours and ST_AsMVT; default 4
  --cold-rounds N       sweeps per cutter in parts 2 and 3, order alternating; default 2
  --warm-zooms A-B      zooms of the warm pyramid; default 8-14
  --cold-per-zoom N     most tiles per zoom in the cold pyramid (a fixed random sample);
                        default all
  --province-units N    seed points of the province layer; default 20000
  --province-per-zoom N sampled tiles with data per zoom over Hunan; default 40
  --check-sites N       admission-check sites per data set in part 4; default 1000
  --check-concurrency C checks at a time in part 4's throughput passes; default 8
  --mixed-duration S    seconds of part 5's mixed load; default 60
  --mixed-connections N wrk connections in part 5, one thread each (at most 256); default 200
  --mixed-weights LIST  shares of tiles, lookups, admission checks and reports in part 5;
                        default 70,15,10,5
  --no-index            skip the province run with the in-memory index (the default mode)
  --no-embedded         skip our server on PGlite in parts 2 and 4
  --seed S              seed of every random choice; default 1
  --out FILE            default bench/RESULTS.md
  -h, --help            this text`

/** Reads the command line; returns the arguments, 'help', or a problem naming the option. */
export function parseBenchArguments(
  argv: string[],
  defaultOut: string,
): BenchArguments | 'help' | { problem: string } {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean' },
        parts: { type: 'string' },
        rounds: { type: 'string' },
        duration: { type: 'string' },
        connections: { type: 'string' },
        concurrency: { type: 'string' },
        'cold-rounds': { type: 'string' },
        'warm-zooms': { type: 'string' },
        'cold-per-zoom': { type: 'string' },
        'province-units': { type: 'string' },
        'province-per-zoom': { type: 'string' },
        'check-sites': { type: 'string' },
        'check-concurrency': { type: 'string' },
        'mixed-duration': { type: 'string' },
        'mixed-connections': { type: 'string' },
        'mixed-weights': { type: 'string' },
        'no-index': { type: 'boolean' },
        'no-embedded': { type: 'boolean' },
        seed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    return { problem: (error as Error).message }
  }
  if (values.help) return 'help'
  const quick = values.quick === true

  const problems: string[] = []
  const whole = (
    name: string,
    text: string | undefined,
    fallback: number,
    min: number,
    max: number,
  ) => {
    if (text === undefined) return fallback
    const value = Number(text)
    if (/^\d+$/.test(text) && value >= min && value <= max) return value
    problems.push(`--${name} takes a whole number from ${min} to ${max}, got "${text}".`)
    return fallback
  }

  const parts = new Set<Part>()
  for (const part of (values.parts ?? PARTS.join(',')).split(',')) {
    const number = PARTS.find((p) => String(p) === part)
    if (number) parts.add(number)
    else problems.push(`--parts takes a list of 1, 2, 3, 4 and 5, got "${values.parts}".`)
  }

  const weightText = values['mixed-weights'] ?? '70,15,10,5'
  const weights = weightText.split(',').map(Number)
  const mixedWeights = /^\d+(,\d+){3}$/.test(weightText) && weights.some((w) => w > 0)
  if (!mixedWeights) {
    problems.push(
      '--mixed-weights takes four whole numbers, not all 0, for tiles, lookups, checks and ' +
        `reports, got "${weightText}".`,
    )
  }

  const zooms = /^(\d{1,2})-(\d{1,2})$/.exec(values['warm-zooms'] ?? (quick ? '8-12' : '8-14'))
  const [warmMinzoom, warmMaxzoom] = zooms ? [Number(zooms[1]), Number(zooms[2])] : [8, 14]
  if (!zooms || warmMinzoom > warmMaxzoom || warmMaxzoom > 14) {
    problems.push(`--warm-zooms takes A-B with 0 ≤ A ≤ B ≤ 14, got "${values['warm-zooms']}".`)
  }

  const coldText = values['cold-per-zoom']
  const result: BenchArguments = {
    parts,
    quick,
    rounds: whole('rounds', values.rounds, quick ? 2 : 3, 1, 20),
    durationSeconds: whole('duration', values.duration, quick ? 3 : 8, 1, 60),
    connections: whole('connections', values.connections, 50, 1, 1000),
    concurrency: whole('concurrency', values.concurrency, 4, 1, 64),
    coldRounds: whole('cold-rounds', values['cold-rounds'], quick ? 1 : 2, 1, 10),
    warmMinzoom,
    warmMaxzoom,
    coldPerZoom:
      coldText === undefined
        ? quick
          ? 150
          : Infinity
        : whole('cold-per-zoom', coldText, Infinity, 1, 1_000_000),
    provinceUnits: whole(
      'province-units',
      values['province-units'],
      quick ? 5_000 : 20_000,
      10,
      200_000,
    ),
    provincePerZoom: whole(
      'province-per-zoom',
      values['province-per-zoom'],
      quick ? 15 : 40,
      1,
      10_000,
    ),
    checkSites: whole('check-sites', values['check-sites'], quick ? 200 : 1_000, 10, 100_000),
    checkConcurrency: whole('check-concurrency', values['check-concurrency'], 8, 1, 256),
    mixedSeconds: whole('mixed-duration', values['mixed-duration'], quick ? 15 : 60, 1, 600),
    // A report's client address encodes its thread in one byte.
    mixedConnections: whole('mixed-connections', values['mixed-connections'], 200, 1, 256),
    mixedWeights: mixedWeights ? (weights as [number, number, number, number]) : [70, 15, 10, 5],
    forcedIndex: values['no-index'] !== true,
    embedded: values['no-embedded'] !== true,
    seed: whole('seed', values.seed, 1, 0, 2 ** 32 - 1),
    out: values.out ?? defaultOut,
  }
  return problems.length > 0 ? { problem: problems.join('\n') } : result
}
