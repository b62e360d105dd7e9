import {
  Color,
  latest,
  normalizePropertyExpression,
  type LayerSpecification,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec'

/**
 * The values `layer` paints `feature` with for `property` at zooms 0-14, as maplibre reads the
 * style (colours as `rgba(…)`); none if the layer has no such property.
 */
export function paintOf(
  layer: LayerSpecification,
  property: string,
  feature: { type?: number; properties: Record<string, string> },
): unknown[] {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[
    `paint_${layer.type}`
  ]?.[property]
  if (!spec || !property.startsWith(`${layer.type}-`)) return []
  const value = (layer.paint as Record<string, unknown> | undefined)?.[property]
  const expression = normalizePropertyExpression(value ?? spec.default, spec)
  return Array.from({ length: 15 }, (_, zoom) => {
    const evaluated = expression.evaluate({ zoom }, feature as never) as unknown
    return evaluated instanceof Color ? evaluated.toString() : evaluated
  })
}
