import type Router from '@koa/router'
import type { Context } from 'koa'
import type { StyleSpecification } from 'maplibre-gl'
import { baseUrlOf } from '../http/base-url.ts'
import { basemapStyle, type Basemap, type MapSettings } from '../../portal/src/map/basemap.ts'
import { labelLayers } from '../../portal/src/map/zoning-labels.ts'
import { LEGEND_KEY, zoningLegend, type LegendGroup } from '../../portal/src/map/zoning-legend.ts'
import { initiallyVisible } from '../../portal/src/map/zoning-palette.ts'
import {
  queryPointSource,
  selectedUnitLayer,
  zoningStyle,
} from '../../portal/src/map/zoning-style.ts'
import { isTerm, LAYER_NAMES } from '../../portal/src/zoning/zoning-terms.ts'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { COMPOSITE_NAME } from '../tiles/tile-set.ts'
import { unionBoxes } from '../tiles/tile-range.ts'
import { openingView } from '../tiles/opening-view.ts'

/**
 * `GET /styles/zoning.json`: the portal's own MapLibre style for other clients (maplibre-gl,
 * QGIS), drawing every zoning layer from the composite tiles, with the configured basemap, the
 * layers' names written in Chinese, a legend in its metadata, a first view over the data, and
 * without the portal's query marker and selection.
 * `GET /api/map-settings`: what the portal's maps add at run time.
 */
export function styleRoutes(deps: {
  catalog: LayerCatalog
  publicUrl: string | undefined
  basemap: Basemap | undefined
}): Router {
  const router = createRouter()
  const baseUrl = (ctx: Context) => baseUrlOf(ctx, deps.publicUrl)

  router.get('/styles/zoning.json', async (ctx) => {
    const layers = await deps.catalog.list()
    const bounds = unionBoxes(layers.flatMap((l) => (l.bounds ? [l.bounds] : [])))
    ctx.set('Cache-Control', 'public, max-age=60')
    const origin = baseUrl(ctx)
    const titles = Object.fromEntries(
      layers.map((layer) => [layer.name, { zh: layer.titleZh, en: layer.titleEn }]),
    )
    const style = clientStyle(zoningStyle(origin, initiallyVisible), origin, {
      basemap: deps.basemap,
      legend: zoningLegend(titles),
    })
    // Without data, nothing says where to look: the map client's own default stands.
    ctx.body = bounds ? { ...style, ...openingView(bounds) } : style
  })

  router.get('/api/map-settings', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=60')
    const settings: MapSettings = { basemap: deps.basemap ?? null }
    ctx.body = settings
  })

  return router
}

/**
 * The portal's style as other clients take it. The portal gives each zoning layer a source of
 * its own, so that a layer switched off is not fetched; here one composite source serves them
 * all, matched by source layer: a map asks for one tile where it asked for ten, and a client
 * that applies a style over a single tile connection (QGIS before 3.40) draws every layer.
 *
 * Names are written here only: the portal's maps are small beside their forms and lists, which
 * name what the map shows, and they write the districts' names themselves (district-labels.ts).
 */
function clientStyle(
  style: StyleSpecification,
  origin: string,
  { basemap, legend }: { basemap: Basemap | undefined; legend: LegendGroup[] },
): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    [COMPOSITE_NAME]: { type: 'vector', url: `${origin}/tiles/${COMPOSITE_NAME}.json` },
  }
  const layers = style.layers
    .filter(
      (layer) =>
        layer.id !== selectedUnitLayer && !('source' in layer && layer.source === queryPointSource),
    )
    .map((layer) =>
      'source' in layer && isTerm(LAYER_NAMES, layer.source)
        ? { ...layer, source: COMPOSITE_NAME }
        : layer,
    )
  if (basemap) {
    // Under every zoning layer, just above the background colour.
    const under = basemapStyle(basemap)
    Object.assign(sources, under.sources)
    layers.splice(layers[0]?.type === 'background' ? 1 : 0, 0, ...under.layers)
  }
  layers.push(...labelLayers(COMPOSITE_NAME))
  return {
    ...style,
    name: '生态环境分区管控 Ecological zoning',
    metadata: {
      [LEGEND_KEY]: legend,
      // ol-mapbox-style would fetch a web font stylesheet from a CDN for each name of
      // `text-font`; an empty one leaves OpenLayers to the system's fonts, as maplibre-gl is.
      'ol:webfonts': 'data:text/css,',
    },
    sources,
    layers,
  }
}
