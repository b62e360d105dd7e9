import Router from '@koa/router'
import type { Context } from 'koa'
import { attributionText, readDatasetInfo } from '../data/dataset-info.ts'
import type { Queryable } from '../db/database.ts'
import { badRequest, notFound } from '../http/http-error.ts'
import { assertZoomInRange, parseTileAddress } from './tile-address.ts'
import type { Layer, LayerCatalog } from './layer-catalog.ts'
import type { TileService } from './tile-service.ts'
import { layerTileJson } from './tilejson.ts'

export interface TileRoutesDeps {
  db: Queryable
  catalog: LayerCatalog
  tiles: TileService
  /** Public base URL when the server sits behind a proxy; else taken from the request. */
  publicUrl: string | undefined
}

const MVT_TYPE = 'application/vnd.mapbox-vector-tile'
const TILE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600'

/** The tile catalogue, TileJSON documents and the tiles themselves, open to any origin. */
export function tileRoutes(deps: TileRoutesDeps): Router {
  const router = new Router()
  const baseUrl = (ctx: Context) =>
    deps.publicUrl?.replace(/\/$/, '') ?? `${ctx.protocol}://${ctx.host}`

  router.use(async (ctx, next) => {
    ctx.set('Access-Control-Allow-Origin', '*')
    await next()
  })

  router.get('/tiles', async (ctx) => {
    const [layers, dataset] = await Promise.all([deps.catalog.list(), readDatasetInfo(deps.db)])
    ctx.set('Cache-Control', 'public, max-age=60')
    ctx.body = {
      layers: layers.map((layer) => describeLayer(layer, baseUrl(ctx))),
      dataset,
    }
  })

  router.get('/tiles/:document', async (ctx) => {
    const document = ctx.params.document ?? ''
    if (!document.endsWith('.json')) {
      throw notFound(
        'NOT_FOUND',
        `No route for GET ${ctx.path}; TileJSON is at /tiles/{layer}.json.`,
      )
    }
    const layer = await requireLayer(deps.catalog, document.slice(0, -'.json'.length))
    const dataset = await readDatasetInfo(deps.db)
    ctx.set('Cache-Control', 'public, max-age=60')
    ctx.body = layerTileJson(layer, {
      baseUrl: baseUrl(ctx),
      attribution: attributionText(dataset),
    })
  })

  router.get('/tiles/:layer/:z/:x/:file', async (ctx) => {
    const { layer: name = '', z = '', x = '', file = '' } = ctx.params
    const layer = await requireLayer(deps.catalog, name)
    if (!file.endsWith('.mvt')) {
      const message = `Tiles are served as .mvt (Mapbox Vector Tile), got "${file}".`
      throw badRequest('TILE_FORMAT_UNSUPPORTED', message, 'format')
    }
    const address = parseTileAddress(z, x, file.slice(0, -'.mvt'.length))
    assertZoomInRange(address, layer.minzoom, layer.maxzoom)

    const tile = await deps.tiles.tile(layer, address)
    ctx.state.cache = tile.cache
    ctx.set('Cache-Control', TILE_CACHE_CONTROL)
    ctx.set('ETag', tile.etag)
    if (ctx.get('If-None-Match') === tile.etag) {
      ctx.status = 304
      return
    }
    if (tile.bytes.length === 0) {
      ctx.status = 204
      return
    }
    ctx.type = MVT_TYPE
    ctx.body = tile.bytes
  })

  return router
}

async function requireLayer(catalog: LayerCatalog, name: string): Promise<Layer> {
  const layer = await catalog.get(name)
  if (!layer) {
    const known = (await catalog.list()).map((l) => l.name).join(', ')
    throw notFound('LAYER_NOT_FOUND', `No layer named "${name}"; layers: ${known}.`, 'layer')
  }
  return layer
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
