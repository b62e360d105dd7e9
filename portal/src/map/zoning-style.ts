import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl'
import {
  FACILITY_KINDS,
  isTerm,
  LAYER_NAMES,
  NO_RAISING_KINDS,
  RESERVE_ZONES,
  UNIT_CLASSES,
  WATER_SOURCE_LEVELS,
  type FacilityKind,
  type LayerName,
} from '../zoning/zoning-terms.ts'
import {
  background,
  classLooks,
  districtLook,
  facilityLooks,
  highlight,
  overlayLooks,
  riverLook,
  withOpacity,
  type OverlayName,
} from './zoning-palette.ts'

/** The GeoJSON source that marks the last queried point. */
export const queryPointSource = 'query-point'

/** The line layer that outlines the unit of the last query; its filter names the unit code. */
export const selectedUnitLayer = 'control_units-selected'

/**
 * Overlays whose fill grows stronger with the strictness of the zone, their values strictest
 * first: the strictest at the overlay's full opacity, the next one weaker, the rest weakest.
 */
export const gradedOverlays: Partial<
  Record<OverlayName, { attribute: string; values: readonly string[] }>
> = {
  water_source_zones: { attribute: 'level', values: WATER_SOURCE_LEVELS },
  nature_reserve_zones: { attribute: 'zone', values: RESERVE_ZONES },
  no_raising_zones: { attribute: 'kind', values: NO_RAISING_KINDS },
}

/** The share of an overlay's opacity its zones get, by rank: the strictest, the next, the rest. */
export function gradeShare(rank: number): number {
  return [1, 0.7][rank] ?? 0.45
}

const overlayOrder: OverlayName[] = [
  'ecological_space',
  'no_raising_zones',
  'industrial_parks',
  'water_source_zones',
  'nature_reserve_zones',
  'ecological_red_line',
]

/**
 * The map style: one vector source per published layer, its TileJSON at
 * `{origin}/tiles/{layer}.json`, and no basemap, sprite or glyphs, so every request stays on
 * the origin. Layers whose name is false in `visible` start hidden.
 *
 * @param origin the server's origin, e.g. `http://127.0.0.1:8080`; maplibre needs absolute URLs
 */
export function zoningStyle(
  origin: string,
  visible: Record<LayerName, boolean>,
): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    [queryPointSource]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  }
  for (const name of LAYER_NAMES) {
    sources[name] = { type: 'vector', url: `${origin}/tiles/${name}.json` }
  }

  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': background } },
    ...unitFills(),
    ...overlayOrder.flatMap((name) => overlayLayers(name)),
    ...unitOutlines(),
    selectedUnit(),
    districtLines(),
    riverLines(),
    ...facilityPoints(),
    queryPoint(),
  ]

  return {
    version: 8,
    sources,
    layers: layers.map((layer) => withVisibility(layer, visible)),
  }
}

function withVisibility(
  layer: LayerSpecification,
  visible: Record<LayerName, boolean>,
): LayerSpecification {
  if (!('source' in layer) || !isTerm(LAYER_NAMES, layer.source)) return layer

  const visibility = visible[layer.source] ? 'visible' : 'none'
  return { ...layer, layout: { ...layer.layout, visibility } } as LayerSpecification
}

/**
 * One fill layer per class, its opacity in its colour. QGIS (3.22) reads neither an opacity
 * chosen by attribute nor the alpha of a colour chosen so, and drew every area opaque; a layer
 * per value, picked by a filter, draws alike in every client.
 */
function unitFills(): LayerSpecification[] {
  return UNIT_CLASSES.map((unitClass) => {
    const look = classLooks[unitClass]
    return {
      id: `control_units-fill-${unitClass}`,
      type: 'fill',
      source: 'control_units',
      'source-layer': 'control_units',
      filter: ['==', ['get', 'class'], unitClass],
      paint: { 'fill-color': withOpacity(look.fill, look.fillOpacity) },
    } satisfies LayerSpecification
  })
}

function unitOutlines(): LayerSpecification[] {
  return (['general', 'key', 'priority'] as const).map((unitClass) => {
    const look = classLooks[unitClass]
    const filter: FilterSpecification = ['==', ['get', 'class'], unitClass]

    return {
      id: `control_units-line-${unitClass}`,
      type: 'line',
      source: 'control_units',
      'source-layer': 'control_units',
      filter,
      paint: {
        'line-color': look.outline,
        'line-width': look.outlineWidth,
        ...(look.outlineDash ? { 'line-dasharray': look.outlineDash } : {}),
      },
    } satisfies LayerSpecification
  })
}

function selectedUnit(): LayerSpecification {
  return {
    id: selectedUnitLayer,
    type: 'line',
    source: 'control_units',
    'source-layer': 'control_units',
    filter: ['==', ['get', 'code'], ''],
    paint: { 'line-color': highlight, 'line-width': 3.5 },
  }
}

function overlayLayers(name: OverlayName): LayerSpecification[] {
  const look = overlayLooks[name]
  const grade = gradedOverlays[name]
  const fill = (id: string, share: number, filter?: FilterSpecification): LayerSpecification => ({
    id,
    type: 'fill',
    source: name,
    'source-layer': name,
    ...(filter ? { filter } : {}),
    paint: { 'fill-color': withOpacity(look.fill, look.fillOpacity * share) },
  })
  // The weakest below, so a stricter zone inside another shows its own colour (see unitFills).
  const fills = grade
    ? grade.values
        .map((value, rank) =>
          fill(`${name}-fill-${value}`, gradeShare(rank), ['==', ['get', grade.attribute], value]),
        )
        .reverse()
    : [fill(`${name}-fill`, 1)]

  return [
    ...fills,
    {
      id: `${name}-line`,
      type: 'line',
      source: name,
      'source-layer': name,
      paint: {
        'line-color': look.outline,
        'line-width': look.outlineWidth,
        ...(look.outlineDash ? { 'line-dasharray': look.outlineDash } : {}),
      },
    },
  ]
}

function districtLines(): LayerSpecification {
  return {
    id: 'districts-line',
    type: 'line',
    source: 'districts',
    'source-layer': 'districts',
    paint: {
      'line-color': districtLook.colour,
      'line-width': districtLook.width,
      ...(districtLook.dash ? { 'line-dasharray': districtLook.dash } : {}),
    },
  }
}

function riverLines(): LayerSpecification {
  return {
    id: 'rivers-line',
    type: 'line',
    source: 'rivers',
    'source-layer': 'rivers',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': riverLook.colour,
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        6,
        riverLook.width * 0.6,
        12,
        riverLook.width * 2,
      ],
    },
  }
}

/**
 * One circle layer per facility kind, in the kind's colour: QGIS 3.22 drew a circle colour
 * chosen by attribute in one colour for every kind.
 */
function facilityPoints(): LayerSpecification[] {
  return FACILITY_KINDS.map((kind) => ({
    id: facilityLayerId(kind),
    type: 'circle',
    source: 'facilities',
    'source-layer': 'facilities',
    filter: ['==', ['get', 'kind'], kind],
    paint: {
      'circle-color': facilityLooks[kind].colour,
      'circle-radius': facilityLooks[kind].radius,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  }))
}

/** The style layer drawing the facilities of one kind. */
export const facilityLayerId = (kind: FacilityKind) => `facilities-circle-${kind}`

function queryPoint(): LayerSpecification {
  return {
    id: 'query-point-circle',
    type: 'circle',
    source: queryPointSource,
    paint: {
      'circle-color': highlight,
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  }
}
