import { formatNumber, layerText, unitClassText } from '../check/check-format.ts'
import type { Strings } from '../i18n/index.ts'
import type { LookupRule } from '../lookup/lookup-types.ts'
import { layerTitle } from '../lookup/zone-labels.ts'
import {
  FACILITY_KINDS,
  isTerm,
  NO_RAISING_KINDS,
  PARK_LEVELS,
  RESERVE_ZONES,
  WATER_SOURCE_LEVELS,
} from '../zoning/zoning-terms.ts'
import type { UnitZone } from './unit-types.ts'

/** A unit's area in km²: two decimals, four below 1 km² so that a small unit shows a figure. */
export function unitAreaText(km2: number, t: Strings): string {
  return t.units.areaValue(formatNumber(km2, km2 < 1 ? 4 : 2, t.lang))
}

/** An overlap's area: km² from 1 km² up, m² (whole) below. */
export function overlapAreaText(m2: number, t: Strings): string {
  if (m2 >= 1e6) return t.units.areaValue(formatNumber(m2 / 1e6, 2, t.lang))
  return t.units.areaM2(formatNumber(m2, 0, t.lang))
}

/**
 * A zone's name and its grade (level, reserve zone, park level or kind) in words, from its
 * attributes; the name falls back to the layer's title, an unknown grade is shown as it came,
 * and a layer without grades has an empty one.
 */
export function zoneColumns(zone: UnitZone, t: Strings): { name: string; grade: string } {
  const text = (key: string) => {
    const value = zone.properties[key]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const name = text('name') ?? text('reserve_name') ?? text('source_name') ?? layerTitle(zone, t)

  switch (zone.layer) {
    case 'water_source_zones': {
      const level = text('level')
      const grade = isTerm(WATER_SOURCE_LEVELS, level) ? t.waterSourceLevel[level] : (level ?? '')
      return { name, grade }
    }
    case 'nature_reserve_zones': {
      const part = text('zone')
      return { name, grade: isTerm(RESERVE_ZONES, part) ? t.reserveZone[part] : (part ?? '') }
    }
    case 'industrial_parks': {
      const level = text('park_level')
      return { name, grade: isTerm(PARK_LEVELS, level) ? t.parkLevel[level] : (level ?? '') }
    }
    case 'no_raising_zones': {
      const kind = text('kind')
      return { name, grade: isTerm(NO_RAISING_KINDS, kind) ? t.noRaisingKind[kind] : (kind ?? '') }
    }
    case 'facilities': {
      const kind = text('kind')
      return { name, grade: isTerm(FACILITY_KINDS, kind) ? t.facilityKind[kind] : (kind ?? '') }
    }
    default:
      return { name, grade: '' }
  }
}

/**
 * Where in the unit a rule applies: all of it for the unit's own and its class's rules, the
 * zone for a zone rule, and for a distance rule the part within reach of the feature, with
 * how near the unit comes to it.
 */
export function unitScopeText(rule: LookupRule, t: Strings): string {
  const scope = rule.scope
  switch (scope?.kind) {
    case 'class':
      return t.units.scopeClass(unitClassText(scope.unit_class ?? '', t))
    case 'zone':
      return t.units.scopeZone(scope.zone_name ?? layerText(scope.layer ?? '', t))
    case 'distance': {
      const what = scope.feature_name ?? layerText(scope.layer ?? '', t)
      const withinM = formatNumber(scope.within_m ?? 0, 0, t.lang)
      const distance = Math.round(scope.distance_m ?? 0)
      if (distance === 0) return t.units.scopeCrossing(what, withinM)
      return t.units.scopeDistance(what, withinM, formatNumber(distance, 0, t.lang))
    }
    default:
      return t.units.scopeUnit
  }
}
