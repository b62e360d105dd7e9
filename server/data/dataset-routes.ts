import Router from '@koa/router'
import type { Queryable } from '../db/database.ts'
import type { LayerCatalog } from '../tiles/layer-catalog.ts'
import { readDatasetInfo } from './dataset-info.ts'

/** `GET /api/dataset`: what data is loaded, its notice, and each layer's version. */
export function datasetRoutes(deps: { db: Queryable; catalog: LayerCatalog }): Router {
  const router = new Router()

  router.get('/api/dataset', async (ctx) => {
    const [dataset, layers] = await Promise.all([readDatasetInfo(deps.db), deps.catalog.list()])
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
