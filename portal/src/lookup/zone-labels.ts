import type { Strings } from '../i18n/index.ts'
import {
  FACILITY_KINDS,
  isTerm,
  LAYER_NAMES,
  NO_RAISING_KINDS,
  PARK_LEVELS,
  RESERVE_ZONES,
  WATER_SOURCE_LEVELS,
} from '../zoning/zoning-terms.ts'
import type { LookupZone } from './lookup-types.ts'

/**
 * A layer's title in the page's language: the interface's own for the layers it knows, else
 * the title the API gives in that language.
 */
export function layerTitle(
  zone: { layer: string; title_zh?: string; title_en?: string },
  t: Strings,
): string {
  if (isTerm(LAYER_NAMES, zone.layer)) return t.layer[zone.layer]
  const given = t.lang === 'en' ? (zone.title_en ?? zone.title_zh) : zone.title_zh
  return given ?? zone.layer
}

/**
 * A one-line description of an overlay zone from its attributes, e.g. "湘江水源地 · 一级保护区".
 * Attributes the portal does not know are left out; the name falls back to the layer title.
 */
export function describeZone(zone: LookupZone, t: Strings): string {
  const text = (key: string) => {
    const value = zone.properties[key]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const parts: (string | undefined)[] = []

  switch (zone.layer) {
    case 'water_source_zones': {
      const level = text('level')
      parts.push(text('name') ?? text('source_name'))
      parts.push(isTerm(WATER_SOURCE_LEVELS, level) ? t.waterSourceLevel[level] : level)
      break
    }
    case 'nature_reserve_zones': {
      const zoneKind = text('zone')
      parts.push(text('reserve_name'))
      parts.push(isTerm(RESERVE_ZONES, zoneKind) ? t.reserveZone[zoneKind] : zoneKind)
      break
    }
    case 'industrial_parks': {
      const level = text('park_level')
      parts.push(text('name'))
      parts.push(isTerm(PARK_LEVELS, level) ? t.parkLevel[level] : level)
      break
    }
    case 'no_raising_zones': {
      const kind = text('kind')
      parts.push(text('name'))
      parts.push(isTerm(NO_RAISING_KINDS, kind) ? t.noRaisingKind[kind] : kind)
      break
    }
    case 'facilities': {
      const kind = text('kind')
      parts.push(text('name'))
      parts.push(isTerm(FACILITY_KINDS, kind) ? t.facilityKind[kind] : kind)
      break
    }
    default:
      parts.push(text('name'))
  }

  const described = parts.filter((part): part is string => part !== undefined)
  return described.length > 0 ? described.join(' · ') : layerTitle(zone, t)
}
