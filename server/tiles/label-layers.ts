import { isTerm, labelLayerName, NAMED_AREA_LAYERS } from '../../portal/src/zoning/zoning-terms.ts'
import type { Layer } from './layer-catalog.ts'

/**
 * The label points of the named area layers among `layers`, each as a layer of its own: one
 * point per area, where its name goes (see readLayerFeatures), with the area's id and public
 * attributes. A map writing names at these points names each area once; written on the areas
 * themselves, a name came once for every tile the area crosses. They share their area layer's
 * data version and zooms, so an import renews both.
 */
export function labelLayersOf(layers: Layer[]): Layer[] {
  return layers
    .filter((layer) => layer.geometryKind === 'polygon' && isTerm(NAMED_AREA_LAYERS, layer.name))
    .map((layer) => ({
      ...layer,
      name: labelLayerName(layer.name),
      titleZh: `${layer.titleZh}注记点`,
      titleEn: `${layer.titleEn}: label points`,
      geometryKind: 'point',
      labelPointsOf: layer.name,
    }))
}
