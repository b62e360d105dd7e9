import Router from '@koa/router'
import type { Context } from 'koa'
import type { StyleSpecification } from 'maplibre-gl'
import { baseUrlOf } from '../http/base-url.ts'
import { initiallyVisible } from '../../portal/src/map/zoning-palette.ts'
import {
  queryPointSource,
  selectedUnitLayer,
  zoningStyle,
} from '../../portal/src/map/zoning-style.ts'

/**
 * `GET /styles/zoning.json`: the portal's own MapLibre style for other clients (maplibre-gl,
 * QGIS), with absolute TileJSON URLs and without the portal's query marker and selection.
 */
export function styleRoutes(deps: { publicUrl: string | undefined }): Router {
  const router = new Router()
  const baseUrl = (ctx: Context) => baseUrlOf(ctx, deps.publicUrl)

  router.get('/styles/zoning.json', (ctx) => {
    ctx.set('Access-Control-Allow-Origin', '*')
    ctx.set('Cache-Control', 'public, max-age=60')
    if (!deps.publicUrl) ctx.vary('Host')
    ctx.body = clientStyle(zoningStyle(baseUrl(ctx), initiallyVisible))
  })

  return router
}

function clientStyle(style: StyleSpecification): StyleSpecification {
  const { [queryPointSource]: _marker, ...sources } = style.sources
  const layers = style.layers.filter(
    (layer) =>
      layer.id !== selectedUnitLayer && !('source' in layer && layer.source === queryPointSource),
  )
  return { ...style, name: '生态环境分区管控 Ecological zoning', sources, layers }
}
