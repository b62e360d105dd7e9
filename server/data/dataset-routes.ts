import type Router from '@koa/router'
import { createRouter } from '../http/router.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'

/**
 * `GET /api/dataset`: what data is loaded, its notice, and each layer's version, as the layer
 * catalogue last read them (so also while the database is briefly unavailable).
 */
export function datasetRoutes(deps: { catalog: LayerCatalog }): Router {
  const router = createRouter()

  router.get('/api/dataset', async (ctx) => {
    const [dataset, layers] = await Promise.all([deps.catalog.dataset(), deps.catalog.list()])
    ctx.body = {
      ...dataset,
      layers: layers.map((layer) => ({
        name: layer.name,
        title_zh: layer.titleZh,
        title_en: layer.titleEn,
        data_version: layer.dataVersion,
        feature_count: layer.featureCount,
        repaired_count: layer.repairedCount,
        source: layer.source,
        loaded_at: layer.loadedAt,
      })),
    }
  })

  return router
}
