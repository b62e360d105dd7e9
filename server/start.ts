import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import pino, { type Logger } from 'pino'
import { buildApp } from './app.ts'
import { createMemoryTileCache } from './cache/memory-tile-cache.ts'
import { createRedisTileCache } from './cache/redis-tile-cache.ts'
import { createTieredTileCache } from './cache/tiered-tile-cache.ts'
import type { TileCache } from './cache/tile-cache.ts'
import { REPO_ROOT } from './config.ts'
import { basemapOf, type Basemap } from '../portal/src/map/basemap.ts'
import { isDatabaseEmpty, loadDatasetFolder } from './data/sample-loader.ts'
import type { Database } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { lockDataDir } from './db/data-dir-lock.ts'
import { openDatabase } from './db/open-database.ts'
import { ensurePortalBuilt } from './portal/portal-build.ts'
import { StartupError } from './startup-error.ts'
import { rawRequestHandlers } from './http/raw-requests.ts'
import { createMetrics } from './ops/metrics.ts'
import { createMemoryRateLimitStore, createRedisRateLimitStore } from './reports/rate-limit.ts'
import { CATALOG_CHANGED } from './tiles/catalog-changes.ts'
import { tileFastPath } from './tiles/tile-fast-path.ts'
import { LayerCatalog } from './tiles/layer-catalog.ts'
import { DEFAULT_CUTTER_OPTIONS, TileCutter } from './tiles/tile-cutter.ts'
import { TilePreparation } from './tiles/tile-preparation.ts'
import { TileService } from './tiles/tile-service.ts'

// How long requests in flight may take to finish once the server is asked to stop.
const SHUTDOWN_GRACE_MS = 10_000

export interface StartOptions {
  port?: number
  host?: string
  publicUrl?: string
  /** Proxies in front whose X-Forwarded-For entries name the client; 0 trusts none. */
  trustProxyHops?: number
  /** postgres:// URL; undefined runs the embedded PostgreSQL. */
  databaseUrl?: string
  /** Folder of the embedded database; undefined keeps it in memory. */
  dataDir?: string
  dbPoolSize?: number
  dbStatementTimeoutMs?: number
  /** redis:// URL; undefined keeps tiles in memory. */
  redisUrl?: string
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  redisPrefix?: string
  tileCacheBytes?: number
  tileCacheTtlSeconds?: number
  catalogRefreshMs?: number
  /** Layers with more vertices are cut per tile from PostGIS instead of held in memory. */
  tileIndexMaxVertices?: number
  /** Tiles an in-memory layer index may keep before it is rebuilt. */
  tileIndexMaxTiles?: number
  /** How far from a checked site sensitive zones are listed, m; 5,000 when unset. */
  admissionNearbyM?: number
  /** Reports a client may submit per hour; 10 when unset. */
  reportsPerHour?: number
  /** Tracking-code lookups a client may make per minute; 60 when unset. */
  reportLookupsPerMinute?: number
  /** Raster tiles drawn under the portal's maps, credited in plain text; none when undefined. */
  basemap?: Basemap
  loadSample?: boolean
  /** How long `close()` lets requests in flight finish before it drops their connections. */
  shutdownGraceMs?: number
  buildPortal?: boolean
  log?: Logger
}

export interface RunningServer {
  url: string
  db: Database
  cache: TileCache
  catalog: LayerCatalog
  log: Logger
  /**
   * Resolves once the tile sources the server readies in the background (at start, and after
   * each import) are ready; a layer that could not be readied is logged and left to its first
   * tile request.
   */
  tilesPrepared(): Promise<void>
  /** Stops listening, lets requests in flight finish, and closes the database and cache. */
  close(): Promise<void>
}

/**
 * Starts the whole product: migrates the database, loads the sample into an empty one, builds
 * the portal when needed, and serves portal, API and tiles on one port.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? pino({ level: 'silent' })

  // The cache first: an unreachable Redis should stop the start before the slow steps.
  const memory = createMemoryTileCache(options.tileCacheBytes ?? 256 * 1024 * 1024)
  const cache = options.redisUrl
    ? createTieredTileCache(
        memory,
        await createRedisTileCache({
          url: options.redisUrl,
          ttlSeconds: options.tileCacheTtlSeconds ?? 86_400,
          prefix: options.redisPrefix ?? 'ecozoning:',
        }),
      )
    : memory
  log.info({ cache: cache.kind }, 'tile cache ready')
  const rateLimits = options.redisUrl
    ? await createRedisRateLimitStore({
        url: options.redisUrl,
        prefix: options.redisPrefix ?? 'ecozoning:',
      }).catch(async (error: unknown) => {
        await cache.close()
        throw error
      })
    : createMemoryRateLimitStore()

  // PGlite does not lock its folder: a second process opens it and one of them loses its writes.
  const lock =
    options.databaseUrl || !options.dataDir
      ? undefined
      : await lockDataDir(options.dataDir, 'server').catch(async (error: unknown) => {
          await cache.close()
          await rateLimits.close()
          throw error
        })
  const db = await openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir,
    poolSize: options.dbPoolSize,
    statementTimeoutMs: options.dbStatementTimeoutMs,
  }).catch(async (error: unknown) => {
    await lock?.release()
    await cache.close()
    await rateLimits.close()
    throw error
  })
  log.info({ database: db.kind, at: db.location }, 'database open')

  // Servers sharing a database may start together: one migrates and loads at a time, and the
  // next finds the work done.
  await db.exclusively('ecozoning: migrate and load', async () => {
    const applied = await migrate(db)
    if (applied.length > 0) log.info({ versions: applied }, 'migrations applied')

    if (options.loadSample !== false && (await isDatabaseEmpty(db))) {
      const loaded = await loadDatasetFolder(db)
      log.info(
        { layers: loaded.layers.length, rules: loaded.rules, industries: loaded.industries },
        'sample dataset loaded into the empty database',
      )
    }
  })

  const portalDir =
    options.buildPortal === false
      ? path.join(REPO_ROOT, 'portal', 'dist')
      : await ensurePortalBuilt(REPO_ROOT, log)

  const catalog = new LayerCatalog(db, options.catalogRefreshMs ?? 2_000, log)
  const cutter = new TileCutter(db, {
    indexMaxVertices: options.tileIndexMaxVertices ?? DEFAULT_CUTTER_OPTIONS.indexMaxVertices,
    indexMaxTiles: options.tileIndexMaxTiles ?? DEFAULT_CUTTER_OPTIONS.indexMaxTiles,
  })
  const preparation = new TilePreparation(catalog, cutter, log)
  // An import in another process (or a reload here) changes versions or the dataset's
  // description; the periodic re-read is the fallback when a notification is missed, and the
  // first tile of a layer then readies it. Readying layers whose version is unchanged costs
  // nothing, so a new description needs no case of its own.
  const unlisten = await db.listen(CATALOG_CHANGED, () => {
    catalog.invalidate()
    preparation.run()
  })
  const tiles = new TileService(cache, cutter, log)
  const metrics = createMetrics(cache, catalog, db)
  const app = buildApp({
    db,
    cache,
    catalog,
    tiles,
    log,
    metrics,
    portalDir,
    publicUrl: options.publicUrl,
    trustProxyHops: options.trustProxyHops ?? 0,
    admissionNearbyM: options.admissionNearbyM ?? 5_000,
    rateLimits,
    reportsPerHour: options.reportsPerHour ?? 10,
    reportLookupsPerMinute: options.reportLookupsPerMinute ?? 60,
    basemap: options.basemap && basemapOf(options.basemap),
  })
  const direct = tileFastPath({ catalog, cache, tiles, log, metrics })
  const koa = app.callback()

  const port = options.port ?? 8080
  const host = options.host ?? '127.0.0.1'
  // Tiles are answered before Koa; every other request, and any surprise, goes to Koa.
  // Koa refuses a request without Host itself (requireHost), logged and with a request id.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    const answered = direct.handle(req, res)
    if (answered === true) return
    if (answered === false) return void koa(req, res)
    answered.then(
      (done) => {
        if (!done) void koa(req, res)
      },
      () => void koa(req, res),
    )
  })
  server.listen(port, host)
  await once(server, 'listening').catch(async (error: { code?: string }) => {
    await cache.close()
    await rateLimits.close()
    await db.close()
    await lock?.release()
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${port} is in use (PORT)`
        : `cannot listen on ${host}:${port} (HOST, PORT): ${error.code ?? String(error)}`
    throw new StartupError(reason, { cause: error })
  })
  // Requests Node cannot parse, and tunnels asked for, still get a JSON answer.
  const raw = rawRequestHandlers(log, metrics)
  server.on('clientError', raw.clientError)
  server.on('connect', raw.connect)
  preparation.run()

  const bound = (server.address() as AddressInfo).port
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${bound}`

  return {
    url,
    db,
    cache,
    catalog,
    log,
    tilesPrepared: () => preparation.settled(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        // Closing stops Node's own header timeout too: a client that sent half a request, or
        // reads an answer slowly, would hold the shutdown forever. Requests get this long.
        const grace = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS
        setTimeout(() => server.closeAllConnections(), grace).unref()
      })
      direct.close()
      await unlisten().catch(() => {})
      await preparation.settled()
      await cache.close()
      await rateLimits.close()
      await db.close()
      await lock?.release()
    },
  }
}
