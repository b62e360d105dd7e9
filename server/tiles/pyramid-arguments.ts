import { readOptionsOnce, type OptionSpec } from '../ops/options-once.ts'
import { MAX_ZOOM } from './tile-address.ts'
import type { LonLatBox } from './tile-range.ts'

/** Tile counts above this need --force: hours of cutting, gigabytes of cache. */
export const TILE_LIMIT = 5_000_000
const DEFAULT_CONCURRENCY = 8
const MAX_CONCURRENCY = 64

/** What both commands take: the tile set, the zooms, the box. */
interface PyramidArguments {
  /** A layer name, `zoning` for the composite, or (seeding only) `all`. */
  layer: string
  minzoom: number | undefined
  maxzoom: number | undefined
  bbox: LonLatBox | undefined
  concurrency: number
  force: boolean
}

type Parsed<T> = { kind: 'help' } | { kind: 'usage-error'; problem: string } | T

export type SeedArguments = Parsed<
  PyramidArguments & { kind: 'seed'; minzoom: number; maxzoom: number; dryRun: boolean }
>
export type ExportArguments = Parsed<PyramidArguments & { kind: 'export'; out: string }>

const COMMON_HELP = `\
  --bbox W,S,E,N   only tiles overlapping this box: west, south, east, north in degrees
                   (WGS84 lon/lat), e.g. 112.4,26.9,112.8,27.1; give a negative first
                   number as --bbox=-10,...
  --concurrency N  tiles rendered at once, 1-${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})
  --force          go ahead with more than ${TILE_LIMIT.toLocaleString('en-US')} tiles
  -h, --help       this text

The database is DATABASE_URL, else the embedded one in DATA_DIR (default .data/pglite), which
the server must not hold open at the same time.`

export const SEED_USAGE = `\
Usage: npm run seed-tiles -- --layer NAME|all|zoning --minzoom Z --maxzoom Z
         [--bbox W,S,E,N] [--concurrency N] [--force] [--dry-run]

Cuts tiles ahead of requests into the Redis tile cache the server reads (REDIS_URL, with
REDIS_PREFIX as the server has it), so first views are fast. Only tiles within each layer's
zoom range and the bounds of its data are cut; tiles already cached for the layer's current
data version are kept.

  --layer NAME     a layer's own tiles; all: every layer's; zoning: the composite tiles
  --minzoom Z      first zoom, 0-${MAX_ZOOM}
  --maxzoom Z      last zoom, ${MAX_ZOOM} at most
  --dry-run        count the tiles per zoom and stop; needs no Redis
${COMMON_HELP}
Exit status: 0 seeded, 1 failed, 2 bad command line.`

export const EXPORT_USAGE = `\
Usage: npm run export-pmtiles -- --layer NAME|zoning --out FILE.pmtiles
         [--minzoom Z] [--maxzoom Z] [--bbox W,S,E,N] [--concurrency N] [--force]

Writes the tiles of a layer, or of the composite (zoning), to one PMTiles v3 archive, for a
CDN or any static host: the same tiles the server serves, gzip-compressed, identical tiles
stored once, empty tiles left out. Tiles come from the tile cache when it holds them (REDIS_URL)
and are cut otherwise. The file appears only once it is complete.

  --layer NAME     a layer, or zoning for all layers in one tile
  --out FILE       the archive to write, ending in .pmtiles; replaced if it exists
  --minzoom Z      first zoom, 0-${MAX_ZOOM} (default: the layer's)
  --maxzoom Z      last zoom (default: the layer's)
${COMMON_HELP}
Exit status: 0 written, 1 failed, 2 bad command line.`

/** Reads the seeding command line (without node and the script). Pure. */
export function parseSeedArguments(args: string[]): SeedArguments {
  const read = readCommon(args, { 'dry-run': { type: 'boolean' } })
  if (read.kind !== 'read') return read
  const { common, values } = read

  if (!common.layer) return usageError('Give the layer to seed with --layer NAME, all or zoning.')
  if (common.minzoom === undefined) return usageError('Give the first zoom with --minzoom Z.')
  if (common.maxzoom === undefined) return usageError('Give the last zoom with --maxzoom Z.')
  return {
    ...common,
    kind: 'seed',
    minzoom: common.minzoom,
    maxzoom: common.maxzoom,
    dryRun: values['dry-run'] === true,
  }
}

/** Reads the export command line (without node and the script). Pure. */
export function parseExportArguments(args: string[]): ExportArguments {
  const read = readCommon(args, { out: { type: 'string' } })
  if (read.kind !== 'read') return read
  const { common, values } = read

  if (!common.layer) return usageError('Give the layer to export with --layer NAME or zoning.')
  if (common.layer === 'all') {
    return usageError('--layer all is for seeding: an archive holds one tile set; give a layer.')
  }
  const out = values.out
  if (typeof out !== 'string' || out === '') {
    return usageError('Give the archive to write with --out FILE.pmtiles.')
  }
  if (!out.endsWith('.pmtiles')) return usageError(`--out must end in .pmtiles, got "${out}".`)
  return { ...common, kind: 'export', out }
}

type ExtraOptions = Record<string, OptionSpec>

function readCommon(
  args: string[],
  extra: ExtraOptions,
):
  | { kind: 'read'; common: PyramidArguments; values: Record<string, string | true | undefined> }
  | { kind: 'help' }
  | { kind: 'usage-error'; problem: string } {
  const read = readOptionsOnce(args, {
    layer: { type: 'string' },
    minzoom: { type: 'string' },
    maxzoom: { type: 'string' },
    bbox: { type: 'string' },
    concurrency: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...extra,
  })
  if ('problem' in read) return usageError(read.problem)
  const { values, positionals } = read
  if (values.help) return { kind: 'help' }
  if (positionals.length > 0) {
    return usageError(`Unexpected argument "${positionals[0]}": every value follows its option.`)
  }
  if (read.repeated) return usageError(read.repeated)

  const minzoom = optionalNumber(values.minzoom, (text) => parseZoom(text, '--minzoom'))
  const maxzoom = optionalNumber(values.maxzoom, (text) => parseZoom(text, '--maxzoom'))
  const concurrency = optionalNumber(values.concurrency, parseConcurrency)
  const bbox = values.bbox === undefined ? undefined : parseBbox(values.bbox)
  for (const parsed of [minzoom, maxzoom, concurrency, bbox]) {
    if (typeof parsed === 'string') return usageError(parsed)
  }
  if (typeof minzoom === 'number' && typeof maxzoom === 'number' && minzoom > maxzoom) {
    return usageError(`--minzoom ${minzoom} is above --maxzoom ${maxzoom}.`)
  }

  return {
    kind: 'read',
    values,
    common: {
      layer: values.layer ?? '',
      minzoom: minzoom as number | undefined,
      maxzoom: maxzoom as number | undefined,
      bbox: bbox as LonLatBox | undefined,
      concurrency: (concurrency as number | undefined) ?? DEFAULT_CONCURRENCY,
      force: values.force === true,
    },
  }
}

const usageError = (problem: string) => ({ kind: 'usage-error' as const, problem })

/** The parsed value, a problem as a string, or undefined when the option was not given. */
function optionalNumber(value: unknown, parse: (text: string) => number | string) {
  return value === undefined ? undefined : parse(String(value))
}

function parseZoom(text: string, option: string): number | string {
  const zoom = /^\d{1,2}$/.test(text) ? Number(text) : NaN
  if (!(zoom <= MAX_ZOOM)) {
    return `${option} must be a whole number from 0 to ${MAX_ZOOM}, got "${text}".`
  }
  return zoom
}

function parseConcurrency(text: string): number | string {
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN
  if (!(value >= 1 && value <= MAX_CONCURRENCY)) {
    return `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${text}".`
  }
  return value
}

/** W,S,E,N in degrees, west < east, south < north, within longitude and latitude ranges. */
function parseBbox(text: string): LonLatBox | string {
  const parts = text.split(',')
  const numbers = parts.map((part) => (part.trim() === '' ? NaN : Number(part)))
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    return `--bbox takes four numbers west,south,east,north in degrees, got "${text}".`
  }
  const [west, south, east, north] = numbers as LonLatBox
  for (const lon of [west, east]) {
    if (lon < -180 || lon > 180) return `--bbox longitude ${lon} is outside -180 to 180.`
  }
  for (const lat of [south, north]) {
    if (lat < -90 || lat > 90) return `--bbox latitude ${lat} is outside -90 to 90.`
  }
  if (west >= east) {
    return `--bbox west ${west} must be less than east ${east} (order: west,south,east,north).`
  }
  if (south >= north) {
    return `--bbox south ${south} must be less than north ${north} (order: west,south,east,north).`
  }
  return [west, south, east, north]
}
