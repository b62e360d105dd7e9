import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { TileCache } from '../cache/tile-cache.ts'
import type { TileAddress } from './tile-address.ts'
import { prefersGzip } from '../http/accept-encoding.ts'
import { matchesIfNoneMatch } from '../http/if-none-match.ts'
import { newRequestId } from '../http/request-id.ts'
import { hostHeaderFault } from '../http/require-host.ts'
import type { Metrics } from '../ops/metrics.ts'
import type { LayerCatalog } from './layer-catalog.ts'
import { tileCacheControl, type TileSet } from './tile-set.ts'
import { tileCacheKey, type ServedTile, type TileService } from './tile-service.ts'

// Numbers without leading zeros: a padded address is a different URL, which the route refuses.
const N = '(0|[1-9]\\d{0,8})'
const TILE_URL = new RegExp(`^/tiles/([a-z][a-z0-9_]{0,62})/${N}/${N}/${N}\\.mvt$`)
const ROUTE = '/tiles/:layer/:z/:x/:file'
// About 300 bytes each: a few megabytes at most.
const PARSED_URLS_KEPT = 20_000

export interface TileFastPathDeps {
  catalog: LayerCatalog
  cache: TileCache
  tiles: TileService
  log: Logger
  metrics: Metrics
}

export interface TileFastPath {
  /**
   * Answers the request and says true, says false when Koa must answer it, or a promise of
   * either when the tile must be read from a shared cache or waits for its cut.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>
  /** Stops following the logger's level: the logger may outlive the server. */
  close(): void
}

interface TileRequest {
  set: TileSet
  address: TileAddress
  /** The validator of the gzip representation, the only one this path serves. */
  etag: string
  key: string
  cacheControl: string
}

/**
 * Answers plain gzip-accepting tile requests straight from `node:http`, before Koa: a map asks
 * for tiles by the hundred, and the framework's per-request work would cost half of what the
 * machine can serve. A cached tile is answered at once; a missing one is cut by the tile service
 * (single flight, cached) as the route would. Anything else (another encoding, an address the
 * route must refuse, a stale catalogue, a cut that fails) answers false and goes to Koa, which
 * answers it the way the routes always do, errors included. Same headers, log line and metrics
 * as the Koa route.
 *
 * An in-process cache is read without waiting, so a hit, and a miss cut from an in-memory index,
 * is answered in the same turn of the event loop; a shared cache (Redis), a cut that reads the
 * database or a source still being built makes the answer a promise.
 */
export function tileFastPath(deps: TileFastPathDeps): TileFastPath {
  const { cache, log, metrics } = deps
  const counted = metrics.requests.route(ROUTE, 'GET')
  // Asked once, not per request: pino answers through a chain of prototypes.
  let logsRequests = log.isLevelEnabled('info')
  const followLevel = () => {
    logsRequests = log.isLevelEnabled('info')
  }
  log.on('level-change', followLevel)

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    request: TileRequest,
    tile: { gzipped: Buffer; cache: 'hit' | 'miss'; started: number },
  ) {
    const { etag } = request
    const { gzipped, started } = tile
    const ifNoneMatch = req.headers['if-none-match']
    const status =
      ifNoneMatch && matchesIfNoneMatch(ifNoneMatch, etag) ? 304 : gzipped.length ? 200 : 204
    const reqId = newRequestId()
    // One flat header list: writeHead takes it without building the response's header map.
    // prettier-ignore
    const headers = [
      'X-Request-Id', reqId,
      'Vary', 'Accept-Encoding',
      'Access-Control-Allow-Origin', '*',
      'X-Content-Type-Options', 'nosniff',
      'Referrer-Policy', 'same-origin',
      'X-Frame-Options', 'SAMEORIGIN',
      'Cache-Control', request.cacheControl,
      'ETag', etag,
    ]
    if (status === 200) {
      // prettier-ignore
      headers.push(
        'Content-Type', 'application/vnd.mapbox-vector-tile',
        'Content-Encoding', 'gzip',
        'Content-Length', String(gzipped.length),
      )
      res.writeHead(status, headers).end(gzipped)
    } else {
      res.writeHead(status, headers).end()
    }

    const ms = Math.round((performance.now() - started) * 10) / 10
    if (logsRequests) {
      const line = { reqId, method: 'GET', route: ROUTE, status, ms, cache: tile.cache }
      log.info({ ...line, path: 'direct' }, 'request')
    }
    counted.record(status, ms / 1000)
  }

  // Addresses already parsed, by URL, for the catalogue they were parsed against: a map asks
  // for the same tiles again and again, and parsing a URL and building its keys was the largest
  // share of a cached answer's own work. Emptied when the catalogue changes or the map is full.
  const parsed = new Map<string, TileRequest>()
  let parsedFor: ReadonlyMap<string, TileSet> | undefined

  function tileRequestOf(req: IncomingMessage, now: number): TileRequest | undefined {
    const sets = deps.catalog.tileSetsIfFresh(now)
    const url = req.url
    if (!sets || req.method !== 'GET' || !url || !req.headers.host || !acceptsGzip(req)) {
      return undefined
    }
    // Left to the application, which refuses it.
    if (hostHeaderFault(req)) return undefined
    if (sets !== parsedFor) {
      parsed.clear()
      parsedFor = sets
    }
    let request = parsed.get(url)
    if (request === undefined) {
      request = parseTileUrl(url, sets)
      if (request === undefined) return undefined
      if (parsed.size >= PARSED_URLS_KEPT) parsed.clear()
      parsed.set(url, request)
    }
    return request
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
    const started = performance.now()
    const request = tileRequestOf(req, started)
    if (!request) return false
    const now = cache.peek?.(request.key)
    if (now !== undefined) {
      answer(req, res, request, { gzipped: now, cache: 'hit', started })
      return true
    }
    let served: ServedTile | Promise<ServedTile>
    try {
      served = deps.tiles.serve(request.set, request.address)
    } catch {
      return false
    }
    if (!(served instanceof Promise)) {
      // A tile just cut is answered once the requests read in this turn of the event loop have
      // been taken too. Answered at once, each answer wakes the client while the next requests
      // wait unread; answered together, one wake-up serves several. In cold sweeps of the
      // Hengyang pyramid the server spent a quarter less time in the kernel.
      if (served.cache === 'miss') setImmediate(answer, req, res, request, { ...served, started })
      else answer(req, res, request, { ...served, started })
      return true
    }
    return served.then(
      (tile) => {
        answer(req, res, request, { ...tile, started })
        return true
      },
      () => false,
    )
  }

  return { handle, close: () => void log.off('level-change', followLevel) }
}

/** The tile a URL asks for, when this path may answer it; undefined otherwise. */
function parseTileUrl(url: string, sets: ReadonlyMap<string, TileSet>): TileRequest | undefined {
  const match = TILE_URL.exec(url)
  if (!match) return undefined
  const set = sets.get(match[1]!)
  if (!set) return undefined
  const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])]
  if (z < set.minzoom || z > set.maxzoom || x >= 2 ** z || y >= 2 ** z) return undefined

  return {
    set,
    address: { z, x, y },
    etag: `"${set.name}-${set.version}-${z}-${x}-${y}-gz"`,
    key: tileCacheKey(set, { z, x, y }),
    cacheControl: tileCacheControl(set),
  }
}

// Browsers and tile clients send one of a handful of Accept-Encoding values, a client the same
// one on every request: remembering the verdicts spares parsing the header on every request, and
// comparing with the last header spares hashing it.
const gzipVerdicts = new Map<string, boolean>()
let lastHeader = ''
let lastVerdict = false

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding']
  if (header === lastHeader) return lastVerdict
  if (!header) return false
  let verdict = gzipVerdicts.get(header)
  if (verdict === undefined) {
    verdict = prefersGzip(header)
    if (gzipVerdicts.size < 64) gzipVerdicts.set(header, verdict)
  }
  lastHeader = header
  lastVerdict = verdict
  return verdict
}
