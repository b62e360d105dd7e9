import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl'
import { zh } from '../i18n/zh.ts'
import {
  FACILITY_KINDS,
  labelLayerName,
  NAMED_AREA_LAYERS,
  RESERVE_ZONES,
  type LayerName,
} from '../zoning/zoning-terms.ts'
import {
  background,
  districtLook,
  facilityLooks,
  overlayLooks,
  riverLook,
} from './zoning-palette.ts'

/**
 * Label fonts, first choice first. The style names no glyphs, so maplibre-gl draws the text with
 * the system's own fonts, reading these names as CSS font families (a name that is no family,
 * such as "Noto Sans CJK SC Regular", is passed over, and its last word sets the weight). QGIS
 * takes the first name, split into family and style. Noto Sans CJK is what Linux systems carry
 * for Chinese (Debian's fonts-noto-cjk); Microsoft YaHei and PingFang SC come with Windows and
 * macOS.
 */
const FAMILIES = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC']
const LABEL_FONTS = ['Noto Sans CJK SC Regular', ...FAMILIES]
const BOLD_LABEL_FONTS = ['Noto Sans CJK SC Bold', ...FAMILIES]

/** Text colour of unit names: the general class's outline, darkened to read on every fill. */
const unitText = '#3e3a1f'

interface Label {
  layer: LayerName
  /**
   * What is written: an attribute's value, or text naming attributes in braces, which QGIS 3.22
   * reads where it skips a `concat` expression.
   */
  text: ExpressionSpecification | string
  /** Only the features of one kind, where the text or its colour differs by kind. */
  kind?: { attribute: string; value: string }
  /**
   * Written on the areas' parts in each tile rather than once at the area's label point: close
   * up, an area's one point is mostly off screen, and a name in every tile says which area the
   * view is in.
   */
  onAreas?: boolean
  minzoom: number
  maxzoom?: number
  colour: string
  size: number
  bold?: boolean
  /** Along the line rather than at a point. */
  alongLine?: boolean
  /** Below the point, for point features drawn as circles. */
  belowPoint?: boolean
  /** Ems to a line; Chinese breaks between any two characters. */
  maxWidth?: number
  /** Written beside the point, above or below, where a name placed first covers it. */
  makesWay?: boolean
}

/**
 * Names, bottom to top. A map places the names of the top layer first, so where two would cover
 * each other, the one later in this list is kept. Each layer is named from the zoom at which its
 * features are large enough to hold a name.
 */
const LABELS: Label[] = [
  // One layer per kind, in the kind's colour, as the circles are drawn.
  ...FACILITY_KINDS.map((kind) => ({
    layer: 'facilities' as const,
    text: ['get', 'name'] as ExpressionSpecification,
    kind: { attribute: 'kind', value: kind },
    minzoom: 13,
    size: 11,
    belowPoint: true,
    colour: facilityLooks[kind].colour,
  })),
  // A park lies at the heart of its unit, both named alike; the unit's name makes way. From
  // zoom 13, where a unit is wider than most screens, it is named in every tile it spans.
  ...[
    { minzoom: 10, maxzoom: 13 },
    { minzoom: 13, onAreas: true },
  ].map((zooms) => ({
    layer: 'control_units' as const,
    text: ['get', 'name'] as ExpressionSpecification,
    ...zooms,
    size: 11,
    maxWidth: 10,
    colour: unitText,
    makesWay: true,
  })),
  {
    layer: 'industrial_parks',
    text: ['get', 'name'],
    minzoom: 11,
    size: 12,
    colour: overlayLooks.industrial_parks.outline,
  },
  // The core, buffer and experimental zones of a reserve share its name: the kind of zone is
  // written below it.
  ...RESERVE_ZONES.map((zone) => ({
    layer: 'nature_reserve_zones' as const,
    text: `{reserve_name}\n${zh.reserveZone[zone]}`,
    kind: { attribute: 'zone', value: zone },
    minzoom: 10,
    size: 12,
    colour: overlayLooks.nature_reserve_zones.outline,
  })),
  {
    layer: 'water_source_zones',
    text: ['get', 'name'],
    minzoom: 11,
    size: 12,
    colour: overlayLooks.water_source_zones.outline,
  },
  {
    layer: 'rivers',
    text: ['get', 'name'],
    minzoom: 9,
    size: 13,
    colour: riverLook.colour,
    alongLine: true,
  },
  {
    layer: 'districts',
    text: ['get', 'name'],
    // Closer, the units, most named after their district, take over.
    minzoom: 7,
    maxzoom: 10,
    size: 15,
    bold: true,
    colour: districtLook.colour,
  },
]

/**
 * Symbol layers writing the zoning layers' names in Chinese, as the data holds them, read from
 * `source`: the composite tiles, whose label points name each area once, where it is widest.
 * Names that would collide are left out.
 */
export function labelLayers(source: string): SymbolLayerSpecification[] {
  return LABELS.map((label) => ({
    id: [`${label.layer}-label`, label.kind?.value, label.onAreas && 'areas']
      .filter(Boolean)
      .join('-'),
    type: 'symbol',
    source,
    'source-layer':
      NAMED_AREA_LAYERS.includes(label.layer) && !label.onAreas
        ? labelLayerName(label.layer)
        : label.layer,
    ...(label.kind ? { filter: ['==', ['get', label.kind.attribute], label.kind.value] } : {}),
    minzoom: label.minzoom,
    ...(label.maxzoom === undefined ? {} : { maxzoom: label.maxzoom }),
    layout: {
      'text-field': label.text,
      'text-font': label.bold ? BOLD_LABEL_FONTS : LABEL_FONTS,
      'text-size': label.size,
      'text-max-width': label.maxWidth ?? 8,
      ...(label.alongLine ? { 'symbol-placement': 'line' as const } : {}),
      ...(label.belowPoint ? { 'text-anchor': 'top' as const, 'text-offset': [0, 0.6] } : {}),
      ...(label.makesWay
        ? {
            'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
            'text-radial-offset': 1,
          }
        : {}),
      // A sliver of an area at a tile's edge would carry a name of its own over the area next
      // to it; a name that would cross the edge is left out.
      ...(label.onAreas ? { 'symbol-avoid-edges': true } : {}),
    },
    paint: {
      'text-color': label.colour,
      'text-halo-color': background,
      'text-halo-width': 1.5,
    },
  }))
}
