import type { Layer } from '../server/tiles/layer-catalog.ts'
import type { TileAddress } from '../server/tiles/tile-address.ts'
import { startOurs } from './bench-servers.ts'
import { sweepOurs, sweepStAsMvt, type Sweep } from './cold-sweep.ts'
import { sweepCutter } from './cutter-sweep.ts'
import { interleave, type Side } from './interleave.ts'
import { StAsMvtCutter } from './st-asmvt.ts'

export interface ColdOptions {
  databaseUrl: string
  /** The layers the composite holds, as the catalogue lists them. */
  layers: Layer[]
  tiles: TileAddress[]
  concurrency: number
  rounds: number
  /** Also sweep our server on the embedded PostgreSQL (PGlite), loading the sample into it. */
  embedded: boolean
  /** Where the sweeps' wrk script and path lists go. */
  tmpDir: string
  log: (line: string) => void
}

export const OURS_PG = 'ours, PostgreSQL'
export const ST_ASMVT = 'ST_AsMVT per tile'
export const OURS_PGLITE = 'ours, PGlite'
export const OURS_CUTTER = 'ours, cutting alone'
export const OURS_CACHED = 'ours, every tile cached'

export interface ColdResult {
  /** Each cutter's sweeps, one per round, keyed by the names above. */
  sweeps: Map<string, Sweep[]>
  /** Starting the embedded server: PGlite, PostGIS, migrations and the sample load, ms. */
  embeddedStartMs: number[]
}

/**
 * Cold pyramid: every given tile of the composite `zoning` set (all layers in one tile) cut
 * once per round by each cutter: a fresh server process with an empty cache on PostgreSQL,
 * ST_AsMVT per tile on the same database at the same concurrency, and a fresh server on the
 * embedded PostgreSQL. The order of the cutters alternates from round to round.
 */
export async function benchColdPyramid(options: ColdOptions): Promise<ColdResult> {
  const { log, tiles, concurrency } = options
  const embeddedStartMs: number[] = []

  const sides: Side<Sweep>[] = [
    {
      name: OURS_PG,
      async measure() {
        const server = await startOurs({ databaseUrl: options.databaseUrl, loadSample: false })
        try {
          const sweep = await sweepOurs(server.url, 'zoning', tiles, concurrency, options.tmpDir)
          return { ...sweep, readyMs: server.preparedMs }
        } finally {
          await server.stop()
        }
      },
    },
    {
      name: ST_ASMVT,
      async measure() {
        const cutter = new StAsMvtCutter(options.databaseUrl, options.layers, concurrency)
        try {
          await cutter.connect(concurrency)
          return await sweepStAsMvt(cutter, tiles, concurrency)
        } finally {
          await cutter.close()
        }
      },
    },
    {
      // The same sweep once every tile is cached: what HTTP alone costs at this concurrency.
      name: OURS_CACHED,
      async measure() {
        const server = await startOurs({ databaseUrl: options.databaseUrl, loadSample: false })
        try {
          await sweepOurs(server.url, 'zoning', tiles, concurrency, options.tmpDir)
          return await sweepOurs(server.url, 'zoning', tiles, concurrency, options.tmpDir)
        } finally {
          await server.stop()
        }
      },
    },
    {
      name: OURS_CUTTER,
      measure: () => sweepCutter(options.databaseUrl, 'zoning', tiles, concurrency),
    },
  ]
  if (options.embedded) {
    sides.push({
      name: OURS_PGLITE,
      async measure() {
        log('starting our server on PGlite and loading the sample into it')
        const server = await startOurs({ loadSample: true })
        embeddedStartMs.push(server.startMs)
        try {
          const sweep = await sweepOurs(server.url, 'zoning', tiles, concurrency, options.tmpDir)
          return { ...sweep, readyMs: server.preparedMs }
        } finally {
          await server.stop()
        }
      },
    })
  }

  log(`${tiles.length} tiles per sweep, concurrency ${concurrency}, ${options.rounds} rounds`)
  const sweeps = await interleave(sides, options.rounds, (name, round, sweep) =>
    log(`round ${round + 1}: ${name} ${(sweep.ms / 1000).toFixed(1)} s`),
  )
  return { sweeps, embeddedStartMs }
}
