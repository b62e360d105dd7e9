import { describe, expect, it } from 'vitest'
import { zh } from '../../../portal/src/i18n/zh.ts'
import type { ReportView } from '../../../portal/src/report/report-client.ts'
import { formatReportTime, reportFacts } from '../../../portal/src/report/report-format.ts'

const view: ReportView = {
  trackingCode: '7K3QD-M2X9R-4HJVC-0PN8T',
  category: 'livestock',
  status: 'received',
  observedAt: '2025-05-01T00:30:00.000Z',
  receivedAt: '2025-05-01T01:00:00.000Z',
  unit: { code: 'ZH43042110001', name: '测试优先保护单元', class: 'priority' },
  district: { adcode: 430421, name: '衡阳县' },
  deadlines: { acceptBy: '2025-05-16T01:00:00.000Z', closeBy: null, overdue: 'acceptance' },
  history: [{ status: 'received', at: '2025-05-01T01:00:00.000Z' }],
}

describe('report format', () => {
  it('dates in China Standard Time', () => {
    // 16:30 UTC is half past midnight the next day in China.
    expect(formatReportTime('2025-05-01T16:30:00Z', zh)).toMatch(/2025年5月2日\D*00:30/)
    expect(formatReportTime('not a time', zh)).toBe('not a time')
  })

  it('lists the facts of a report in the interface words', () => {
    const facts = Object.fromEntries(reportFacts(view, zh).map((fact) => [fact.key, fact.value]))
    expect(facts.status).toBe(zh.reportTrack.statuses.received)
    expect(facts.category).toBe(zh.reportForm.categories.livestock)
    expect(facts.unit).toBe(
      zh.reportTrack.unitValue('测试优先保护单元', 'ZH43042110001', zh.unitClass.priority),
    )
    expect(facts.district).toBe(zh.reportTrack.districtValue('衡阳县'))
    expect(facts['accept-by']).toContain(zh.reportTrack.overdue.acceptance)
    expect(facts['accept-by']).toMatch(/2025年5月16日\D*09:00/)
    expect(facts['close-by']).toBe(zh.reportTrack.closeByPending)
  })

  it('gives no closure deadline of its own to a report passed on to another body', () => {
    const referred: ReportView = {
      ...view,
      status: 'referred',
      deadlines: { ...view.deadlines, overdue: null },
    }
    const facts = Object.fromEntries(reportFacts(referred, zh).map((f) => [f.key, f.value]))
    expect(facts['close-by']).toBe(zh.reportTrack.closeByReferred)
  })
})
