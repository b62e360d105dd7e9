import { describe, expect, it } from 'vitest'
import { en } from '../../../portal/src/i18n/en.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'
import type { Lead, ReportDetail } from '../../../portal/src/staff/staff-client.ts'
import {
  detailFacts,
  leadBasisText,
  priorityReasons,
} from '../../../portal/src/staff/staff-format.ts'

const s = zh.staff

const report = (changes: Partial<ReportDetail> = {}): ReportDetail => ({
  trackingCode: 'ABCDE-FGHJK-MNPQR-STVWX',
  category: 'water',
  status: 'accepted',
  priority: 'urgent',
  observedAt: '2025-05-01T00:30:00.000Z',
  receivedAt: '2025-05-01T01:00:00.000Z',
  location: { lon: 112.03, lat: 27.03 },
  unit: { code: 'ZH43042110001', name: '测试优先保护单元', class: 'priority' },
  district: { adcode: 430421, name: '衡阳县' },
  zones: [{ layer: 'water_source_zones', title_zh: '饮用水水源保护区', id: 1, properties: {} }],
  clusterSize: 1,
  assignee: null,
  referredTo: null,
  deadlines: {
    acceptBy: '2025-05-16T01:00:00.000Z',
    closeBy: '2025-07-01T01:00:00.000Z',
    overdue: 'closure',
  },
  description: '',
  locationInput: {},
  priorityReasons: [],
  extension: null,
  history: [],
  photos: [],
  nextStatuses: [],
  ...changes,
})

describe('staff report facts', () => {
  it('says why a report has its priority, reason by reason', () => {
    expect(
      priorityReasons(
        [
          { kind: 'zone', layer: 'water_source_zones', zone_id: 3, sets: 'urgent' },
          { kind: 'unit', unit_class: 'priority', sets: 'high' },
          { kind: 'cluster', reports: 3, radius_m: 500, days: 7, raises_to: 'urgent' },
          { kind: 'unheard-of' },
          null,
        ],
        zh,
      ),
    ).toEqual([
      s.reasonZone(zh.layer.water_source_zones, s.priorities.urgent),
      s.reasonUnit(s.priorities.high),
      s.reasonCluster('3', '500', '7', s.priorities.urgent),
    ])
  })

  it('gives deadlines in China Standard Time and marks the one missed', () => {
    const facts = Object.fromEntries(detailFacts(report(), zh).map((f) => [f.key, f.value]))
    // 01:00 UTC is 09:00 in China.
    expect(facts['accept-by']).toBe('2025年5月16日 09:00')
    expect(facts['close-by']).toBe(`2025年7月1日 09:00（${s.overdue.closure}）`)
    expect(facts.district).toBe('衡阳县')
    expect(facts.zones).toBe('饮用水水源保护区')
    expect(facts.location).toBe(s.locationValue('112.030000', '27.030000'))
    expect(facts.extension).toBeUndefined()
  })

  it('lists the extension, the assignee and a cluster only when there are any', () => {
    const facts = Object.fromEntries(
      detailFacts(
        report({
          extension: { days: 30, reason: '等待检测报告' },
          assignee: '执法二队',
          clusterSize: 4,
          zones: [],
        }),
        zh,
      ).map((f) => [f.key, f.value]),
    )
    expect(facts.extension).toBe(s.extensionValue('30', '等待检测报告'))
    expect(facts.assignee).toBe('执法二队')
    expect(facts.cluster).toBe(s.clusterValue('4'))
    expect(facts.zones).toBe(s.noZones)
  })
})

const reportLead = (changes: Partial<Lead> = {}): Lead => ({
  kind: 'report_in_sensitive_zone',
  subject: {
    type: 'report',
    trackingCode: 'ABCDE-FGHJK-MNPQR-STVWX',
    category: 'water',
    status: 'received',
    priority: 'high',
  },
  location: { lon: 112.03, lat: 27.03 },
  unit: null,
  district: null,
  zone: {
    layer: 'no_raising_zones',
    title_zh: '畜禽禁养区',
    title_en: 'Livestock no-raising zones',
    id: 1,
    properties: {},
  },
  cluster: null,
  rules: [],
  basis: 'An open water report lies in a sensitive zone (Livestock no-raising zones).',
  ...changes,
})

describe('lead grounds', () => {
  const facility: Lead['subject'] = {
    type: 'facility',
    layer: 'facilities',
    id: 1,
    kind: 'farm',
    name: '测试养殖场',
  }
  const cluster = reportLead({
    kind: 'report_cluster',
    zone: null,
    cluster: { reports: 3, radius_m: 500, days: 7 },
  })

  it('writes each kind in the page language, the zone by its title and not its layer', () => {
    for (const t of [zh, en]) {
      const b = t.staff.leadBasis
      const water = t.reportForm.categories.water
      expect(leadBasisText(reportLead(), t)).toBe(
        b.report_in_sensitive_zone(water, t.layer.no_raising_zones),
      )
      expect(leadBasisText(reportLead({ kind: 'report_in_priority_unit', zone: null }), t)).toBe(
        b.report_in_priority_unit(water),
      )
      expect(leadBasisText(cluster, t)).toBe(b.report_cluster('3', water, '500', '7'))
      const farm = reportLead({ kind: 'farm_in_no_raising_zone', subject: facility })
      expect(leadBasisText(farm, t)).toBe(b.farm_in_no_raising_zone)
    }
    expect(leadBasisText(reportLead(), zh)).toBe(
      '未办结的举报（水污染）位于敏感区域：畜禽禁养区、限养区。',
    )
    expect(leadBasisText(cluster, en)).toBe(
      '3 reports of the same kind (Water pollution) within 500 m in 7 days, this one included.',
    )
  })

  it("names a layer the portal does not know by the catalogue's title in the page language", () => {
    const zone = {
      layer: 'wetlands',
      title_zh: '湿地',
      title_en: 'Wetlands',
      id: 2,
      properties: {},
    }
    expect(leadBasisText(reportLead({ zone }), zh)).toContain('湿地')
    expect(leadBasisText(reportLead({ zone }), en)).toContain('Wetlands')
  })

  it('leaves a kind it does not know, or one without its fields, to the English basis', () => {
    expect(leadBasisText(reportLead({ kind: 'report_in_wetland' }), zh)).toBeUndefined()
    expect(leadBasisText(reportLead({ zone: null }), zh)).toBeUndefined()
    expect(leadBasisText(reportLead({ kind: 'report_cluster', cluster: null }), zh)).toBeUndefined()
  })
})
