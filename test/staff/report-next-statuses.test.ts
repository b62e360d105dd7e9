import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportAt } from '../reports/support/report-requests.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { staffFetch, tokenFor } from './support/staff-client.ts'

// The status flow as the README gives it, per role: viewers move nothing, officers all but
// closing, supervisors everything.
const FLOW: [string, string[]][] = [
  ['received', ['accepted', 'referred']],
  ['accepted', ['assigned']],
  ['assigned', ['inspected']],
  ['inspected', ['rectifying', 'replied']],
  ['rectifying', ['replied']],
  ['replied', ['closed']],
  ['closed', []],
]

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the steps a report detail offers ${backend.title}`, () => {
    let server: TestServer
    const tokens: Record<string, string> = {}
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
      for (const role of ['viewer', 'officer', 'supervisor'] as const) {
        tokens[role] = await tokenFor(server.db, role)
      }
    })
    afterAll(() => server?.close())

    const next = async (role: string, code: string) => {
      const response = await staffFetch(server, tokens[role], `/api/staff/reports/${code}`)
      expect(response.status).toBe(200)
      return ((await response.json()) as { nextStatuses: string[] }).nextStatuses
    }

    it('lists the statuses each role may move a report to, along the whole flow', async () => {
      const created = await server.postJson('/api/reports', reportAt(112.17, 27.03))
      const { trackingCode: code } = (await created.json()) as { trackingCode: string }
      for (const [status, allowed] of FLOW) {
        const [row] = await server.db.query<{ status: string }>(
          'SELECT status FROM reports WHERE tracking_code = $1',
          [code],
        )
        expect(row!.status).toBe(status)
        expect(await next('viewer', code)).toEqual([])
        expect(await next('officer', code)).toEqual(allowed.filter((s) => s !== 'closed'))
        expect(await next('supervisor', code)).toEqual(allowed)

        const to = allowed.at(-1) === 'closed' ? 'closed' : allowed[0]
        if (!to) break
        const body = { to, ...(to === 'assigned' ? { assignee: '执法一队' } : {}) }
        const path = `/api/staff/reports/${code}/transitions`
        const moved = await staffFetch(server, tokens.supervisor, path, body)
        expect(moved.status).toBe(200)
        // The answer to a move offers the next steps too.
        const answer = (await moved.json()) as { status: string; nextStatuses: string[] }
        const after = FLOW.find(([s]) => s === answer.status)![1]
        expect(answer.nextStatuses).toEqual(after)
      }
    })

    it('offers nothing after a referral', async () => {
      const created = await server.postJson('/api/reports', reportAt(112.17, 27.03))
      const { trackingCode: code } = (await created.json()) as { trackingCode: string }
      const path = `/api/staff/reports/${code}/transitions`
      const body = { to: 'referred', referredTo: '衡阳市水利局' }
      expect((await staffFetch(server, tokens.officer, path, body)).status).toBe(200)
      for (const role of ['viewer', 'officer', 'supervisor'])
        expect(await next(role, code)).toEqual([])
    })
  })
}
