import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import type Router from '@koa/router'
import type { Context } from 'koa'
import { attributionText } from '../data/dataset-info.ts'
import { requireTileEncoding } from '../http/accept-encoding.ts'
import { baseUrlOf } from '../http/base-url.ts'
import { describeValue } from '../http/describe-value.ts'
import { badRequest, notFound } from '../http/http-error.ts'
import { matchesIfNoneMatch } from '../http/if-none-match.ts'
import { createRouter } from '../http/router.ts'
import type { Layer, LayerCatalog } from './layer-catalog.ts'
import { assertZoomInRange, parseTileAddress } from './tile-address.ts'
import type { TileService } from './tile-service.ts'
import { COMPOSITE_NAME, tileCacheControl, type TileSet } from './tile-set.ts'
import { tileJson } from './tilejson.ts'

export interface TileRoutesDeps {
  catalog: LayerCatalog
  tiles: TileService
  /** Public base URL when the server sits behind a proxy; else taken from the request. */
  publicUrl: string | undefined
}

const MVT_TYPE = 'application/vnd.mapbox-vector-tile'
const gunzipAsync = promisify(gunzip)

/** The tile catalogue, TileJSON documents and the tiles themselves, open to any origin. */
export function tileRoutes(deps: TileRoutesDeps): Router {
  const router = createRouter()
  const baseUrl = (ctx: Context) => baseUrlOf(ctx, deps.publicUrl)

  router.get('/tiles', async (ctx) => {
    const [layers, dataset] = await Promise.all([deps.catalog.list(), deps.catalog.dataset()])
    ctx.set('Cache-Control', 'public, max-age=60')
    const base = baseUrl(ctx)
    ctx.body = {
      layers: layers.map((layer) => describeLayer(layer, base)),
      // Where a map client finds every layer at once, and how to draw them.
      composite: {
        name: COMPOSITE_NAME,
        tilejson: `${base}/tiles/${COMPOSITE_NAME}.json`,
        style: `${base}/styles/zoning.json`,
      },
      dataset,
    }
  })

  router.get('/tiles/:document', async (ctx) => {
    const document = ctx.params.document ?? ''
    if (!document.endsWith('.json')) {
      const message = `No route for GET ${ctx.path}; TileJSON is at /tiles/{layer}.json.`
      throw notFound('NOT_FOUND', message)
    }
    const set = await requireTileSet(deps.catalog, document.slice(0, -'.json'.length))
    const dataset = await deps.catalog.dataset()
    ctx.set('Cache-Control', 'public, max-age=60')
    ctx.body = tileJson(set, { baseUrl: baseUrl(ctx), attribution: attributionText(dataset) })
  })

  router.get('/tiles/:layer/:z/:x/:file', async (ctx) => {
    const { layer: name = '', z = '', x = '', file = '' } = ctx.params
    const set = await requireTileSet(deps.catalog, name)
    if (!file.endsWith('.mvt')) {
      const message = `Tiles are served as .mvt (Mapbox Vector Tile), got "${file.slice(0, 40)}".`
      throw badRequest('TILE_FORMAT_UNSUPPORTED', message, 'format')
    }
    const address = parseTileAddress(z, x, file.slice(0, -'.mvt'.length))
    assertZoomInRange(address, set.minzoom, set.maxzoom)
    const gzip = requireTileEncoding(ctx) === 'gzip'

    const tile = await deps.tiles.tile(set, address)
    ctx.state.cache = tile.cache
    // A tile is no document, so a content security policy would govern nothing; the tile fast
    // path sends none either. Error answers, JSON documents, keep theirs.
    ctx.remove('Content-Security-Policy')
    ctx.set('Cache-Control', tileCacheControl(set))
    ctx.vary('Accept-Encoding')
    // Each encoding is its own representation, with its own validator.
    const etag = gzip ? `${tile.etag.slice(0, -1)}-gz"` : tile.etag
    ctx.set('ETag', etag)
    if (matchesIfNoneMatch(ctx.get('If-None-Match'), etag)) {
      ctx.status = 304
      return
    }
    if (tile.gzipped.length === 0) {
      ctx.status = 204
      return
    }
    ctx.type = MVT_TYPE
    if (gzip) {
      ctx.set('Content-Encoding', 'gzip')
      ctx.body = tile.gzipped
    } else {
      ctx.body = await gunzipAsync(tile.gzipped)
    }
  })

  return router
}

/** The named layer's tile set, or the composite; a 404 listing the names otherwise. */
async function requireTileSet(catalog: LayerCatalog, name: string): Promise<TileSet> {
  const set = await catalog.tileSet(name)
  if (set) return set

  const known = [...(await catalog.list()).map((l) => l.name), COMPOSITE_NAME].join(', ')
  throw notFound(
    'LAYER_NOT_FOUND',
    `No layer named ${describeValue(name)}; layers: ${known}.`,
    'layer',
  )
}

function describeLayer(layer: Layer, baseUrl: string) {
  return {
    name: layer.name,
    title_zh: layer.titleZh,
    title_en: layer.titleEn,
    geometry_kind: layer.geometryKind,
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    data_version: layer.dataVersion,
    feature_count: layer.featureCount,
    bounds: layer.bounds ?? null,
    attributes: layer.attributes.map(({ name, type, description_zh, description_en }) => ({
      name,
      type,
      description_zh,
      description_en,
    })),
    tilejson: `${baseUrl}/tiles/${encodeURIComponent(layer.name)}.json`,
  }
}
