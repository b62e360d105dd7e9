import { describeValue } from '../http/describe-value.ts'
import type { Layer } from './layer-catalog.ts'
import type { TileCutter } from './tile-cutter.ts'
import { TILE_LIMIT } from './pyramid-arguments.ts'
import { planPyramid, type TilePyramid } from './tile-pyramid.ts'
import { intersectBoxes, unionBoxes, type LonLatBox } from './tile-range.ts'
import { COMPOSITE_NAME, compositeTileSet, layerTileSet, type TileSet } from './tile-set.ts'

/**
 * A request the command cannot carry out, with the exit status to end on: 2 when the command
 * line should change (unknown layer, zooms outside the range, too many tiles), 1 otherwise.
 */
export class CommandProblem extends Error {
  readonly exitCode: 1 | 2

  constructor(exitCode: 1 | 2, message: string) {
    super(message)
    this.name = 'CommandProblem'
    this.exitCode = exitCode
  }
}

export interface PyramidRequest {
  /** What the command does, for messages: "seed" or "export". */
  verb: string
  /** A layer name, `zoning`, or `all` where `allowAll`. */
  layer: string
  allowAll: boolean
  /** Undefined: each set's own first or last zoom. */
  minzoom: number | undefined
  maxzoom: number | undefined
  bbox: LonLatBox | undefined
  force: boolean
}

/**
 * The pyramids a command asked for, from the catalogue's layers: one per layer for `all`, each
 * within its layer's zoom range (layers outside the requested zooms are left out). Throws a
 * CommandProblem for an unknown layer, zooms outside every range, no tile with data, or more
 * than TILE_LIMIT tiles without `force`. Pure.
 */
export function choosePyramids(layers: Layer[], request: PyramidRequest): TilePyramid[] {
  const sets = chooseTileSets(layers, request)
  if (request.bbox) refuseBoxApartFromData(sets, request.bbox, request.verb)
  const pyramids = sets.flatMap((set) => {
    const minzoom = Math.max(request.minzoom ?? set.minzoom, set.minzoom)
    const maxzoom = Math.min(request.maxzoom ?? set.maxzoom, set.maxzoom)
    return minzoom <= maxzoom ? [planPyramid(set, { minzoom, maxzoom, bbox: request.bbox })] : []
  })

  if (pyramids.length === 0) {
    const { minzoom, maxzoom } = request
    const asked =
      minzoom === undefined
        ? `up to ${maxzoom}`
        : maxzoom === undefined
          ? `from ${minzoom} on`
          : `${minzoom}–${maxzoom}`
    const ranges = sets.map((set) => `${set.name} ${set.minzoom}–${set.maxzoom}`).join(', ')
    throw new CommandProblem(2, `Zooms ${asked} lie outside the zoom range of ${ranges}.`)
  }

  const size = pyramids.reduce((sum, pyramid) => sum + pyramid.size, 0)
  if (size === 0) {
    const names = pyramids.map((p) => p.set.name).join(', ')
    const withData = pyramids.some((p) => p.set.layers.some((layer) => layer.bounds))
    const reason = !withData
      ? `${names} has no features; load data first (npm run import, or start the server once)`
      : `${names} has no features within --bbox ${request.bbox!.join(',')}`
    throw new CommandProblem(1, `Nothing to ${request.verb}: ${reason}.`)
  }
  if (size > TILE_LIMIT && !request.force) {
    const count = size.toLocaleString('en-US')
    const limit = TILE_LIMIT.toLocaleString('en-US')
    throw new CommandProblem(
      2,
      `That is ${count} tiles, over the limit of ${limit}; ` +
        'narrow the zooms or --bbox, or add --force.',
    )
  }
  return pyramids
}

/**
 * Throws when the box overlaps no data of the sets. The tiles of the lowest zooms would still
 * cover both, and an archive of them would open on the box, nowhere near the data: most often
 * latitude and longitude given in swapped order.
 */
function refuseBoxApartFromData(sets: TileSet[], bbox: LonLatBox, verb: string): void {
  const data = unionBoxes(
    sets.flatMap((set) => set.layers.flatMap((l) => (l.bounds ? [l.bounds] : []))),
  )
  if (!data || intersectBoxes(data, bbox)) return
  const names = sets.map((set) => set.name).join(', ')
  const where = data.map((degrees) => Math.round(degrees * 1e4) / 1e4).join(',')
  throw new CommandProblem(
    1,
    `Nothing to ${verb}: ${names} has no features within --bbox ${bbox.join(',')}; its data ` +
      `lies within ${where} (west,south,east,north).`,
  )
}

function chooseTileSets(layers: Layer[], request: PyramidRequest): TileSet[] {
  if (request.allowAll && request.layer === 'all') return layers.map(layerTileSet)
  const layer = layers.find((l) => l.name === request.layer)
  if (layer) return [layerTileSet(layer)]
  const composite = request.layer === COMPOSITE_NAME ? compositeTileSet(layers) : undefined
  if (composite) return [composite]

  const known = [...layers.map((l) => l.name), COMPOSITE_NAME]
  if (request.allowAll) known.push('all')
  const named = describeValue(request.layer)
  throw new CommandProblem(2, `No layer named ${named}; give one of ${known.join(', ')}.`)
}

/**
 * Readies the cutter's sources for every layer of the pyramids (read, and indexed where they
 * are cut from memory) before the progress display starts: building a large layer's index
 * takes seconds to minutes without a tile done, and counted in the rate it made the time left
 * read as days. Says so on `stream`, as a line before and one after. Throws the first layer's
 * failure.
 */
export async function readyPyramidSources(
  cutter: TileCutter,
  pyramids: TilePyramid[],
  stream: NodeJS.WritableStream,
): Promise<void> {
  const layers = [...new Map(pyramids.flatMap((p) => p.set.layers).map((l) => [l.name, l]))]
  const started = performance.now()
  const labelled = layers.filter(([, layer]) => layer.labelPointsOf).length
  const areas = layers.length - labelled
  const count =
    (areas === 1 ? 'one layer' : `${areas} layers`) +
    (labelled ? ` (and the label points of ${labelled})` : '')
  stream.write(`Reading ${count} from the database and building the indexes...\n`)
  for (const prepared of await cutter.prepare(layers.map(([, layer]) => layer))) {
    if ('error' in prepared) throw prepared.error
  }
  stream.write(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`)
}
