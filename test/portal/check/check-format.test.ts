import { describe, expect, it } from 'vitest'
import {
  conversionText,
  distanceText,
  formatCheckedAt,
  formatShare,
  industryName,
  overlapText,
  projectKindsText,
  siteSizeText,
  triggerText,
  verdictReasons,
} from '../../../portal/src/check/check-format.ts'
import type { CheckAnswer, CheckRule, CheckSite } from '../../../portal/src/check/check-types.ts'
import { en } from '../../../portal/src/i18n/en.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'

const site: CheckSite = {
  format: 'wkt',
  field: 'wkt',
  crs: { code: 'EPSG:4526', name: 'CGCS2000 3-degree zone 38', from: 'the SRID' },
  conversion: { from: 'EPSG:4526', to: 'EPSG:4326', method: 'proj4', errorBoundM: 0.01 },
  vertices: 5,
  bbox: [112.08, 27.02, 112.145, 27.03],
  repairs: [],
  notes: [],
  geometry: { type: 'Point', coordinates: [112.1, 27.02] },
  area_m2: 7147008.46,
  length_m: null,
}

function rule(code: string, effect: string, match = 'applies', scope?: CheckRule['scope']) {
  return {
    code,
    dimension: 'spatial_layout',
    effect,
    text_zh: `${code} 的要求。`,
    legal_basis: null,
    industries: ['C26'],
    project_kinds: [],
    match,
    scope,
  } satisfies CheckRule
}

function answerWith(verdict: string, rules: CheckRule[]): CheckAnswer {
  return {
    id: 'BuNh1BmzURocidy04FDe7A',
    checkedAt: '2025-03-01T06:30:00.000Z',
    inputSha256: '',
    verdict,
    reasons: [],
    industry: { code: 'C2614', name_zh: '有机化学原料制造' },
    projectKind: 'new',
    site,
    units: [
      {
        code: 'ZH43042110001',
        name: '测试优先保护单元',
        class: 'priority',
        district_name: '衡阳县',
        overlap_m2: 1,
        overlap_length_m: null,
        share: 1,
      },
    ],
    zones: [],
    nearby: { within_m: 5000, zones: [], truncated: false },
    rules,
    dataset: { illustrative: true },
    dataVersions: {},
    accessList: { rules: 0, sha256: '' },
  }
}

describe('numbers and times', () => {
  it('shows shares as percentages to two decimals', () => {
    expect(formatShare(0.307692)).toBe('30.77%')
    expect(formatShare(1)).toBe('100.00%')
    expect(formatShare(0.000001)).toBe('0.00%')
  })

  it('dates a check in China Standard Time, eight hours ahead of UTC', () => {
    expect(formatCheckedAt('2025-03-01T20:30:05.000Z', zh)).toBe(
      '2025年3月2日 04:30:05（北京时间）',
    )
    expect(formatCheckedAt('not a time', zh)).toBe('not a time')
  })

  it('measures overlaps to the centimetre and none for a point', () => {
    const overlap = { overlap_m2: 2199079.44, overlap_length_m: null, share: 0.3 }
    expect(overlapText(overlap, zh)).toBe('2,199,079.44')
    expect(overlapText({ overlap_m2: null, overlap_length_m: 12.5, share: 1 }, zh)).toBe('12.50')
    expect(overlapText({ overlap_m2: null, overlap_length_m: null, share: 1 }, zh)).toBeUndefined()
  })

  it('marks a zone at distance 0 as bordering the site', () => {
    expect(distanceText(2976.9, zh)).toBe('2,976.9')
    expect(distanceText(0, zh)).toBe(`0.0（${zh.check.bordering}）`)
  })
})

describe('the site', () => {
  it('gives an area in square metres and hectares, a length in metres, or a point', () => {
    expect(siteSizeText(site, zh)).toEqual({
      label: zh.check.siteArea,
      value: '7,147,008.46 平方米（714.70 公顷）',
    })
    expect(siteSizeText({ ...site, area_m2: null, length_m: 1234.5 }, zh)).toEqual({
      label: zh.check.siteLength,
      value: '1,234.50 米',
    })
    expect(siteSizeText({ ...site, area_m2: null }, zh).value).toBe(zh.check.pointSite)
  })

  it('says when no conversion was needed, and otherwise from what and how far off', () => {
    expect(conversionText(site, zh)).toBe(zh.check.conversionValue('EPSG:4526', '0.01'))
    const wgs84 = { from: 'EPSG:4326', to: 'EPSG:4326', method: 'none', errorBoundM: 0 }
    expect(conversionText({ ...site, conversion: wgs84 }, zh)).toBe(zh.check.noConversion)
  })
})

describe('verdictReasons', () => {
  it('names the forbidding rules that apply for a forbidden project', () => {
    const answer = answerWith('forbidden', [
      rule('T03', 'forbid'),
      rule('T09', 'forbid', 'may_apply'),
      rule('T05', 'restrict'),
    ])
    expect(verdictReasons(answer, zh)).toEqual([zh.check.reasonForbid('T03', 'T03 的要求。')])
  })

  it('names possibly forbidding, restricting and conditioning rules for a conditional one', () => {
    const answer = answerWith('conditional', [
      rule('T05', 'restrict'),
      rule('T06', 'condition'),
      rule('T08', 'forbid', 'may_apply'),
      rule('T07', 'encourage'),
    ])
    expect(verdictReasons(answer, zh)).toEqual([
      zh.check.reasonMayForbid('T08', 'C26'),
      zh.check.reasonRestrict('T05', 'T05 的要求。'),
      zh.check.reasonCondition('T06', 'T06 的要求。'),
    ])
  })

  it('says a relocation was held to a rule on new projects, and only then', () => {
    const onNew = { ...rule('T03', 'forbid'), project_kinds: ['new', 'expansion'] }
    const onRelocation = { ...rule('T04', 'condition'), project_kinds: ['relocation'] }
    const moved = (verdict: string, rules: CheckRule[]) => ({
      ...answerWith(verdict, rules),
      projectKind: 'relocation',
    })
    expect(verdictReasons(moved('forbidden', [onNew]), en)).toEqual([
      en.check.reasonForbid('T03', 'T03 的要求。'),
      en.check.reasonRelocationAsNew,
    ])
    // A rule that names relocations, or no kind, needs no such word; nor does a new project.
    expect(
      verdictReasons(moved('conditional', [onRelocation, rule('T05', 'restrict')]), en),
    ).toEqual([
      en.check.reasonCondition('T04', 'T04 的要求。'),
      en.check.reasonRestrict('T05', 'T05 的要求。'),
    ])
    expect(verdictReasons(answerWith('forbidden', [onNew]), en)).toEqual([
      en.check.reasonForbid('T03', 'T03 的要求。'),
    ])
  })

  it('clears a consistent project, and says nothing for an unknown verdict', () => {
    expect(verdictReasons(answerWith('consistent', []), zh)).toEqual([zh.check.reasonConsistent])
    expect(verdictReasons(answerWith('pending', [rule('T03', 'forbid')]), zh)).toEqual([])
  })
})

describe('triggerText', () => {
  const answer = answerWith('forbidden', [])

  it('names the unit, with its name when the answer lists it', () => {
    const scope = { kind: 'unit', unit_code: 'ZH43042110001' }
    expect(triggerText(rule('T08', 'forbid', 'applies', scope), answer, zh)).toBe(
      zh.check.triggerUnit('ZH43042110001', '测试优先保护单元'),
    )
  })

  it('names the class with its unit, the zone, and the distance rounded to the metre', () => {
    const byClass = { kind: 'class', unit_class: 'priority', unit_code: 'ZH43042110001' }
    const byZone = { kind: 'zone', layer: 'water_source_zones', zone_name: '测试水源一级保护区' }
    const byDistance = {
      kind: 'distance',
      layer: 'rivers',
      within_m: 1000,
      distance_m: 496.1,
      feature_name: '湘江',
    }

    expect(triggerText(rule('T07', 'encourage', 'applies', byClass), answer, zh)).toBe(
      zh.check.triggerClass(zh.unitClass.priority, 'ZH43042110001'),
    )
    expect(triggerText(rule('T01', 'forbid', 'applies', byZone), answer, zh)).toBe(
      zh.check.triggerZone('测试水源一级保护区'),
    )
    expect(triggerText(rule('T03', 'forbid', 'applies', byDistance), answer, zh)).toBe(
      zh.check.triggerDistance('湘江', '1,000', '496'),
    )
    expect(triggerText(rule('T00', 'forbid'), answer, zh)).toBeUndefined()
  })
})

describe('projectKindsText', () => {
  it('lists the kinds a rule covers, or all of them', () => {
    expect(projectKindsText(['new', 'expansion'], zh)).toBe('新建、扩建')
    expect(projectKindsText([], zh)).toBe(zh.check.allProjectKinds)
  })
})

describe('industryName', () => {
  const industry = { code: 'C2614', name_zh: '有机化学原料制造', name_en: 'Organic chemicals' }

  it("names an industry in the page's language", () => {
    expect(industryName(industry, zh)).toBe('有机化学原料制造')
    expect(industryName(industry, en)).toBe('Organic chemicals')
  })

  it('falls back to the Chinese name where the catalogue has no English one', () => {
    expect(industryName({ ...industry, name_en: null }, en)).toBe('有机化学原料制造')
    expect(industryName({ name_zh: '有机化学原料制造' }, en)).toBe('有机化学原料制造')
  })
})
