import { describe, expect, it } from 'vitest'
import { zh } from '../../../portal/src/i18n/zh.ts'
import type { ReportDetail } from '../../../portal/src/staff/staff-client.ts'
import { detailFacts, priorityReasons } from '../../../portal/src/staff/staff-format.ts'

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
