import Koa from 'koa'
import type { Logger } from 'pino'
import { admissionRoutes } from './admission/admission-routes.ts'
import { industryRoutes } from './admission/industry-routes.ts'
import type { TileCache } from './cache/tile-cache.ts'
import { datasetRoutes } from './data/dataset-routes.ts'
import type { Database } from './db/database.ts'
import { errorMiddleware } from './http/error-middleware.ts'
import { jsonBody } from './http/json-body.ts'
import { queryEncoding } from './http/query-encoding.ts'
import { openCors } from './http/open-cors.ts'
import { portalPages } from './http/portal-pages.ts'
import { requestLog } from './http/request-log.ts'
import { requireHost } from './http/require-host.ts'
import { securityHeaders } from './http/security-headers.ts'
import { unitPages } from './http/unit-pages.ts'
import type { Metrics } from './ops/metrics.ts'
import type { Basemap } from '../portal/src/map/basemap.ts'
import { opsRoutes } from './ops/ops-routes.ts'
import type { RateLimitStore } from './reports/rate-limit.ts'
import { reportRoutes } from './reports/report-routes.ts'
import { staffRoutes } from './staff/staff-routes.ts'
import { staffTileRoutes } from './staff/staff-tile-routes.ts'
import { styleRoutes } from './styles/style-routes.ts'
import type { LayerCatalog } from './tiles/layer-catalog.ts'
import { tileRoutes } from './tiles/tile-routes.ts'
import type { TileService } from './tiles/tile-service.ts'
import { lookupRoutes } from './zoning/lookup-routes.ts'
import { placeRoutes } from './zoning/place-routes.ts'
import { unitRoutes } from './zoning/unit-routes.ts'

export interface AppDeps {
  db: Database
  cache: TileCache
  catalog: LayerCatalog
  tiles: TileService
  log: Logger
  metrics: Metrics
  /** Folder of the built portal, served at /. */
  portalDir: string
  publicUrl?: string
  /**
   * Proxies in front of the server whose X-Forwarded-For entries are to be believed: the client
   * is the entry the outermost of them added. 0 trusts none: the client is the socket's peer.
   */
  trustProxyHops: number
  /** How far from a checked site sensitive zones are listed, m. */
  admissionNearbyM: number
  /** Per-client request counts for the report limits. */
  rateLimits: RateLimitStore
  /** Reports a client may submit per hour. */
  reportsPerHour: number
  /** Tracking-code lookups a client may make per minute. */
  reportLookupsPerMinute: number
  /** Raster tiles drawn under the portal's maps; none when undefined. */
  basemap?: Basemap
}

/** The HTTP application: portal, API and tiles, built from its dependencies; it does not listen. */
export function buildApp(deps: AppDeps): Koa {
  const app = new Koa()
  // The error middleware renders every error; Koa's default printer would only repeat them.
  app.silent = true
  if (deps.trustProxyHops > 0) {
    // Only the last entries were added by proxies of ours; those before them are whatever the
    // client sent, so reading further would let anyone choose their own address.
    app.proxy = true
    app.maxIpsCount = deps.trustProxyHops
  }

  const { metrics } = deps
  app.use(requestLog(deps.log, metrics))
  app.use(errorMiddleware(deps.log))
  app.use(securityHeaders(basemapOrigins(deps.basemap)))
  // Before the Host check, so that a map client on another site can read that refusal too.
  app.use(openCors)
  app.use(requireHost)
  app.use(queryEncoding)
  app.use(jsonBody())

  for (const router of [
    tileRoutes({
      catalog: deps.catalog,
      tiles: deps.tiles,
      publicUrl: deps.publicUrl,
    }),
    lookupRoutes(deps),
    unitRoutes(deps),
    placeRoutes(deps),
    admissionRoutes(deps),
    industryRoutes(deps),
    reportRoutes(deps),
    staffRoutes(deps),
    staffTileRoutes(deps),
    datasetRoutes(deps),
    opsRoutes(deps),
    styleRoutes({ catalog: deps.catalog, publicUrl: deps.publicUrl, basemap: deps.basemap }),
  ]) {
    app.use(router.routes())
    // Not thrown: the router then sets `Allow`, which the error middleware keeps on its 405.
    app.use(router.allowedMethods())
  }

  // Before the static files: the unit page's one file is served only for units that exist.
  app.use(unitPages(deps.db, deps.portalDir))
  app.use(portalPages(deps.portalDir))
  return app
}

function basemapOrigins(basemap: Basemap | undefined): string[] {
  return [...new Set(basemap?.tiles.map((template) => new URL(template).origin))]
}
