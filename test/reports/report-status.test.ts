import { describe, expect, it } from 'vitest'
import { reportDeadlines } from '../../server/reports/report-deadline.ts'
import { REPORT_STATUSES, canMove } from '../../server/reports/report-status.ts'

describe('report status', () => {
  const allowed = [
    'received>accepted',
    'received>referred',
    'accepted>assigned',
    'assigned>inspected',
    'inspected>rectifying',
    'inspected>replied',
    'rectifying>replied',
    'replied>closed',
  ]
  it('allows exactly the steps of the flow and refuses every other pair', () => {
    for (const from of REPORT_STATUSES) {
      for (const to of REPORT_STATUSES) {
        expect(canMove(from, to), `${from} > ${to}`).toBe(allowed.includes(`${from}>${to}`))
      }
    }
  })
})

describe('reportDeadlines', () => {
  const received = new Date('2024-05-01T02:00:00Z')
  const day = 86_400_000

  it('gives 15 days to accept and flags the 16th', () => {
    const report = {
      status: 'received',
      receivedAt: received,
      acceptedAt: null,
      extensionDays: null,
    }
    const due = new Date('2024-05-16T02:00:00Z')
    expect(reportDeadlines(report, received).acceptBy).toEqual(due)
    expect(reportDeadlines(report, received).closeBy).toBeNull()
    expect(reportDeadlines(report, new Date(due.getTime() - 1)).overdue).toBeNull()
    expect(reportDeadlines(report, new Date(due.getTime() + 1)).overdue).toBe('acceptance')
  })

  it('gives 60 days from acceptance to close, plus an extension', () => {
    const accepted = new Date('2024-05-10T00:00:00Z')
    const report = {
      status: 'inspected',
      receivedAt: received,
      acceptedAt: accepted,
      extensionDays: null,
    }
    expect(reportDeadlines(report, accepted).closeBy).toEqual(new Date('2024-07-09T00:00:00Z'))
    expect(reportDeadlines(report, new Date('2024-07-09T00:00:01Z')).overdue).toBe('closure')

    const extended = { ...report, extensionDays: 30 }
    expect(reportDeadlines(extended, accepted).closeBy).toEqual(new Date('2024-08-08T00:00:00Z'))
    expect(reportDeadlines(extended, new Date('2024-07-09T00:00:01Z')).overdue).toBeNull()
  })

  it('never flags a referred or closed report', () => {
    const late = new Date(received.getTime() + 400 * day)
    for (const status of ['referred', 'closed']) {
      const report = { status, receivedAt: received, acceptedAt: received, extensionDays: null }
      expect(reportDeadlines(report, late).overdue).toBeNull()
    }
  })
})
