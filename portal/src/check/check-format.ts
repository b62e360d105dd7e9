import type { Strings } from '../i18n/index.ts'
import {
  isTerm,
  LAYER_NAMES,
  PROJECT_KINDS,
  SITE_FORMATS,
  SITE_REPAIRS,
  UNIT_CLASSES,
} from '../zoning/zoning-terms.ts'
import type { CheckAnswer, CheckRule, CheckSite, Overlap } from './check-types.ts'

/** Checks are dated in the zone the zoning is in, whatever the reader's clock says. */
const CHECK_TIME_ZONE = 'Asia/Shanghai'

/** A number with a fixed count of decimals and the locale's grouping, e.g. 4,947,928.83. */
export function formatNumber(value: number, decimals: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value)
}

/** A share of 0–1 as a percentage to two decimals, e.g. 0.307692 → "30.77%". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(2)}%`
}

/** The time of a check, to the second, in China Standard Time; the text itself when unreadable. */
export function formatCheckedAt(iso: string, t: Strings): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso

  const local = new Intl.DateTimeFormat(t.writing.formatLocale, {
    timeZone: CHECK_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date)
  return t.check.checkedAtValue(local)
}

/** An industry's name in the page's language, the Chinese one where the catalogue has no other. */
export function industryName(
  industry: { name_zh: string; name_en?: string | null },
  t: Strings,
): string {
  return t.lang === 'en' && industry.name_en ? industry.name_en : industry.name_zh
}

export function projectKindText(kind: string, t: Strings): string {
  return isTerm(PROJECT_KINDS, kind) ? t.check.projectKinds[kind] : kind
}

export function unitClassText(unitClass: string, t: Strings): string {
  return isTerm(UNIT_CLASSES, unitClass) ? t.unitClass[unitClass] : unitClass
}

export function layerText(layer: string, t: Strings): string {
  return isTerm(LAYER_NAMES, layer) ? t.layer[layer] : layer
}

/** How the site came: its format, and the file's name when it was uploaded. */
export function siteFormatText(site: CheckSite, t: Strings): string {
  const format = isTerm(SITE_FORMATS, site.format) ? t.check.siteFormats[site.format] : site.format
  return site.file ? t.check.siteFile(format, site.file) : format
}

/** The conversion to WGS84 in words; none when the site was given in WGS84 (or CGCS2000). */
export function conversionText(site: CheckSite, t: Strings): string {
  const { from, errorBoundM } = site.conversion
  if (from === site.conversion.to && errorBoundM === 0) return t.check.noConversion
  return t.check.conversionValue(from, formatNumber(errorBoundM, errorBoundM < 1 ? 2 : 0, t.lang))
}

export function repairText(repair: { kind: string; message: string }, t: Strings): string {
  return isTerm(SITE_REPAIRS, repair.kind) ? t.check.repairKinds[repair.kind] : repair.kind
}

/** The site's size: its area (m² and hectares), its length, or that it is a point. */
export function siteSizeText(site: CheckSite, t: Strings): { label: string; value: string } {
  if (site.area_m2 !== null) {
    const value = t.check.areaValue(
      formatNumber(site.area_m2, 2, t.lang),
      formatNumber(site.area_m2 / 10_000, 2, t.lang),
    )
    return { label: t.check.siteArea, value }
  }
  if (site.length_m !== null) {
    return {
      label: t.check.siteLength,
      value: t.check.lengthValue(formatNumber(site.length_m, 2, t.lang)),
    }
  }
  return { label: t.check.siteSize, value: t.check.pointSite }
}

export function extentText(bbox: CheckSite['bbox'], t: Strings): string {
  const [west, south, east, north] = bbox.map((degrees) => degrees.toFixed(6))
  return t.check.extentValue(west ?? '', south ?? '', east ?? '', north ?? '')
}

/** The overlap's area in m² or length in m, to the centimetre; undefined for a point site. */
export function overlapText(overlap: Overlap, t: Strings): string | undefined {
  const measure = overlap.overlap_m2 ?? overlap.overlap_length_m
  return measure === null ? undefined : formatNumber(measure, 2, t.lang)
}

/** A distance in metres to the decimetre the answer keeps. */
export function distanceText(distanceM: number, t: Strings): string {
  const metres = formatNumber(distanceM, 1, t.lang)
  return distanceM === 0 ? t.writing.aside(metres, t.check.bordering) : metres
}

/**
 * The reasons for the verdict in the interface's language, from the rules that decided it:
 * forbidding rules for a forbidden project; rules that may forbid it, restrict it or set a
 * condition for a conditional one; and, for a relocation that a rule on new projects decided,
 * that a relocation counts as new construction where it moves to. Empty when the rules do not
 * bear the verdict out, in which case the answer's own reasons stand alone.
 */
export function verdictReasons(answer: CheckAnswer, t: Strings): string[] {
  const c = t.check
  const deciding = decidingRules(answer)
  const reasons = deciding.map((rule) => {
    if (rule.effect === 'forbid') {
      return rule.match === 'applies'
        ? c.reasonForbid(rule.code, rule.text_zh)
        : c.reasonMayForbid(rule.code, rule.industries.join(t.writing.listSeparator))
    }
    return rule.effect === 'restrict'
      ? c.reasonRestrict(rule.code, rule.text_zh)
      : c.reasonCondition(rule.code, rule.text_zh)
  })
  if (answer.verdict === 'consistent') return [c.reasonConsistent]
  const asNew = deciding.some(
    (rule) => rule.project_kinds.length > 0 && !rule.project_kinds.includes(answer.projectKind),
  )
  return asNew && answer.projectKind === 'relocation'
    ? [...reasons, c.reasonRelocationAsNew]
    : reasons
}

/** The rules that decided the verdict, in the order the reasons give them. */
function decidingRules(answer: CheckAnswer): CheckRule[] {
  const { rules } = answer
  switch (answer.verdict) {
    case 'forbidden':
      return rules.filter((rule) => rule.effect === 'forbid' && rule.match === 'applies')
    case 'conditional':
      return [
        ...rules.filter((rule) => rule.effect === 'forbid' && rule.match === 'may_apply'),
        ...rules.filter((rule) => rule.effect === 'restrict' || rule.effect === 'condition'),
      ]
    default:
      return []
  }
}

/** Why a rule is in force at the site: its unit, its unit's class, a zone, or a distance. */
export function triggerText(rule: CheckRule, answer: CheckAnswer, t: Strings): string | undefined {
  const scope = rule.scope
  const c = t.check
  switch (scope?.kind) {
    case 'unit': {
      if (!scope.unit_code) return undefined
      const unit = answer.units.find((u) => u.code === scope.unit_code)
      return c.triggerUnit(scope.unit_code, unit?.name)
    }
    case 'class':
      if (!scope.unit_class || !scope.unit_code) return undefined
      return c.triggerClass(unitClassText(scope.unit_class, t), scope.unit_code)
    case 'zone':
      return c.triggerZone(scope.zone_name ?? (scope.layer ? layerText(scope.layer, t) : ''))
    case 'distance': {
      if (scope.within_m === undefined || scope.distance_m === undefined) return undefined
      const what = scope.feature_name ?? (scope.layer ? layerText(scope.layer, t) : '')
      return c.triggerDistance(
        what,
        formatNumber(scope.within_m, 0, t.lang),
        formatNumber(scope.distance_m, 0, t.lang),
      )
    }
    default:
      return undefined
  }
}

export function industriesText(codes: readonly string[], t: Strings): string {
  return codes.length > 0 ? codes.join(t.writing.listSeparator) : t.check.allIndustries
}

export function projectKindsText(kinds: readonly string[], t: Strings): string {
  return kinds.length > 0
    ? kinds.map((kind) => projectKindText(kind, t)).join(t.writing.listSeparator)
    : t.check.allProjectKinds
}
