import { en } from '../i18n/en.ts'
import type { Strings } from '../i18n/strings.ts'
import { zh } from '../i18n/zh.ts'
import {
  FACILITY_KINDS,
  LAYERS_BY_USE,
  UNIT_CLASSES,
  type LayerName,
} from '../zoning/zoning-terms.ts'
import {
  classLooks,
  districtLook,
  facilityLooks,
  initiallyVisible,
  overlayLooks,
  riverLook,
  withOpacity,
  type AreaLook,
  type OverlayName,
} from './zoning-palette.ts'
import { facilityLayerId, gradedOverlays, gradeShare } from './zoning-style.ts'

/** The key under the style's `metadata` that holds the legend. */
export const LEGEND_KEY = 'ecozoning:legend'

/**
 * How to draw an entry's symbol, in the paint properties of the style layers that draw it:
 * `line-dasharray` counts in line widths, as MapLibre's does.
 */
export type LegendSwatch =
  | {
      type: 'fill'
      /** With its opacity, as `rgba(…)`. */
      'fill-color': string
      'line-color': string
      'line-width': number
      'line-dasharray'?: number[]
    }
  | { type: 'line'; 'line-color': string; 'line-width': number; 'line-dasharray'?: number[] }
  | {
      type: 'circle'
      'circle-color': string
      'circle-radius': number
      'circle-stroke-color': string
      'circle-stroke-width': number
    }

export interface LegendItem {
  label: string
  'label:en': string
  /** The attribute values of the features this entry stands for; absent for all of them. */
  where?: Record<string, string>
  /** The style layers that draw these features. */
  layers: string[]
  swatch: LegendSwatch
}

export interface LegendGroup {
  'source-layer': LayerName
  title: string
  'title:en': string
  /** Whether the style shows the layer at first; a map may offer to switch it. */
  visible: boolean
  items: LegendItem[]
}

function valueName(strings: Strings, layer: OverlayName, value: string): string {
  const names: Record<string, string> =
    layer === 'water_source_zones'
      ? strings.waterSourceLevel
      : layer === 'nature_reserve_zones'
        ? strings.reserveZone
        : strings.noRaisingKind
  return names[value] ?? value
}

/** A layer's title in Chinese and English. */
export interface LayerTitle {
  zh: string
  en: string
}

/**
 * The legend of the zoning style, in Chinese and English: for each layer, what each colour and
 * line stands for, drawn with the same values as the map. A client that draws its own legend
 * (a QGIS plugin, a web page) reads it from the style's `metadata` under LEGEND_KEY. A layer is
 * titled as `titles` gives it, where it does (the layer catalogue, which TileJSON follows too),
 * else in the portal's words.
 */
export function zoningLegend(titles: Partial<Record<LayerName, LayerTitle>> = {}): LegendGroup[] {
  return LAYERS_BY_USE.map((layer) => ({
    'source-layer': layer,
    title: titles[layer]?.zh ?? zh.layer[layer],
    'title:en': titles[layer]?.en ?? en.layer[layer],
    visible: initiallyVisible[layer],
    items: itemsOf(layer),
  }))
}

function itemsOf(layer: LayerName): LegendItem[] {
  switch (layer) {
    case 'control_units':
      return UNIT_CLASSES.map((unitClass) => ({
        label: zh.unitClass[unitClass],
        'label:en': en.unitClass[unitClass],
        where: { class: unitClass },
        layers: [`control_units-fill-${unitClass}`, `control_units-line-${unitClass}`],
        swatch: areaSwatch(classLooks[unitClass]),
      }))
    case 'districts':
    case 'rivers': {
      const look = layer === 'districts' ? districtLook : riverLook
      return [
        {
          label: zh.layer[layer],
          'label:en': en.layer[layer],
          layers: [`${layer}-line`],
          swatch: {
            type: 'line',
            'line-color': look.colour,
            'line-width': look.width,
            ...(look.dash ? { 'line-dasharray': look.dash } : {}),
          },
        },
      ]
    }
    case 'facilities':
      return FACILITY_KINDS.map((kind) => ({
        label: zh.facilityKind[kind],
        'label:en': en.facilityKind[kind],
        where: { kind },
        layers: [facilityLayerId(kind)],
        swatch: {
          type: 'circle',
          'circle-color': facilityLooks[kind].colour,
          'circle-radius': facilityLooks[kind].radius,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      }))
    default:
      return overlayItems(layer)
  }
}

function overlayItems(layer: OverlayName): LegendItem[] {
  const look = overlayLooks[layer]
  const grade = gradedOverlays[layer]
  if (!grade) {
    const layers = [`${layer}-fill`, `${layer}-line`]
    return [
      { label: zh.layer[layer], 'label:en': en.layer[layer], layers, swatch: areaSwatch(look) },
    ]
  }
  return grade.values.map((value, rank) => ({
    label: valueName(zh, layer, value),
    'label:en': valueName(en, layer, value),
    where: { [grade.attribute]: value },
    layers: [`${layer}-fill-${value}`, `${layer}-line`],
    swatch: areaSwatch(look, gradeShare(rank)),
  }))
}

function areaSwatch(look: AreaLook, share = 1): LegendSwatch {
  return {
    type: 'fill',
    'fill-color': withOpacity(look.fill, look.fillOpacity * share),
    'line-color': look.outline,
    'line-width': look.outlineWidth,
    ...(look.outlineDash ? { 'line-dasharray': look.outlineDash } : {}),
  }
}
