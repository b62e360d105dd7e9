import type { TileCache } from '../cache/tile-cache.ts'
import type { Database } from '../db/database.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'

export interface HealthDeps {
  db: Pick<Database, 'kind' | 'query'>
  cache: Pick<TileCache, 'kind' | 'reachable'>
  catalog: Pick<LayerCatalog, 'list'>
}

export type DependencyState = 'up' | 'down'

/** Liveness: the process answers; the cache's state is read without any I/O. */
export interface Health {
  /** 'degraded' while the shared cache is down: tiles not held in memory are then cut. */
  status: 'ok' | 'degraded'
  cache: { kind: TileCache['kind']; state: DependencyState }
}

/** Readiness: whether this instance should get traffic, and why not. */
export interface Readiness extends Health {
  ready: boolean
  database: { kind: Database['kind']; state: DependencyState }
  /** Control units loaded: the lookup and the check answer nothing without them. */
  units: number
}

// Long enough for a loaded database, short enough for a load balancer's probe.
const DATABASE_PROBE_MS = 2_000

export function readHealth({ cache }: Pick<HealthDeps, 'cache'>): Health {
  const state: DependencyState = cache.reachable() ? 'up' : 'down'
  return { status: state === 'up' ? 'ok' : 'degraded', cache: { kind: cache.kind, state } }
}

/**
 * Probes the database with one query under a deadline and reads the catalogue: ready when the
 * database answers and control units are loaded. A cache that is down does not make the
 * instance unready, since tiles are still served; it shows as 'degraded'.
 */
export async function readReadiness(deps: HealthDeps): Promise<Readiness> {
  const health = readHealth(deps)
  const units = await withDeadline(
    deps.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM control_units'),
    DATABASE_PROBE_MS,
  ).then(
    ([row]) => row?.n ?? 0,
    () => undefined,
  )
  const database = { kind: deps.db.kind, state: units === undefined ? 'down' : 'up' } as const
  return {
    ...health,
    status: database.state === 'down' ? 'degraded' : health.status,
    ready: database.state === 'up' && (units ?? 0) > 0,
    database,
    units: units ?? 0,
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}
