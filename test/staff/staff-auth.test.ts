import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revokeStaff } from '../../server/staff/staff-store.ts'
import { getWithRawHeaders } from '../support/host-request.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { reportAt, type ErrorAnswer } from '../reports/support/report-requests.ts'
import { staffFetch, tokenFor } from './support/staff-client.ts'

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`staff tokens ${backend.title}`, () => {
    let server: TestServer
    let code: string
    const tokens: Record<string, string> = {}
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
      for (const role of ['viewer', 'officer', 'supervisor'] as const) {
        tokens[role] = await tokenFor(server.db, role, `${role} one`)
      }
      tokens.revoked = await tokenFor(server.db, 'supervisor', 'gone')
      await revokeStaff(server.db, 'gone')
      const created = await server.postJson('/api/reports', reportAt(112.17, 27.03))
      code = ((await created.json()) as { trackingCode: string }).trackingCode
    })
    afterAll(() => server?.close())

    const endpoints = (): [string, unknown?][] => [
      ['/api/staff/me'],
      ['/api/staff/reports'],
      [`/api/staff/reports/${code}`],
      [`/api/staff/reports/${code}/photos/1`],
      [`/api/staff/reports/${code}/transitions`, { to: 'accepted' }],
      [`/api/staff/reports/${code}/extension`, { days: 5, reason: 'r' }],
      ['/api/staff/audit'],
      ['/api/staff/leads'],
      ['/api/staff/reports.csv'],
    ]

    const expectError = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status)
      expect(((await response.json()) as ErrorAnswer).error.code).toBe(code)
    }

    it('refuses every staff endpoint without a token', async () => {
      for (const [path, body] of endpoints()) {
        const response = await staffFetch(server, undefined, path, body)
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
        await expectError(response, 401, 'STAFF_TOKEN_MISSING')
      }
    })

    it('refuses a wrong token, a malformed one and another scheme', async () => {
      const wrong = `ezs_${'A'.repeat(43)}`
      const almost = tokens.viewer!.slice(0, -1) + (tokens.viewer!.endsWith('A') ? 'B' : 'A')
      for (const token of [wrong, almost, 'ezs_short', `${tokens.viewer} extra`]) {
        for (const [path, body] of endpoints()) {
          await expectError(await staffFetch(server, token, path, body), 401, 'STAFF_TOKEN_INVALID')
        }
      }
      const basic = await fetch(`${server.url}/api/staff/me`, {
        headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      })
      await expectError(basic, 401, 'STAFF_TOKEN_INVALID')
    })

    it('refuses two Authorization headers, even when the first would do', async () => {
      const host = new URL(server.url).host
      const twice = await getWithRawHeaders(server.url, '/api/staff/me', [
        'Host',
        host,
        'Authorization',
        `Bearer ${tokens.supervisor}`,
        'Authorization',
        `Bearer ${tokens.viewer}`,
      ])
      await expectError(twice, 401, 'STAFF_TOKEN_INVALID')
      // Either one alone is taken.
      expect((await staffFetch(server, tokens.supervisor, '/api/staff/me')).status).toBe(200)
    })

    it('refuses a revoked token', async () => {
      for (const [path, body] of endpoints()) {
        await expectError(
          await staffFetch(server, tokens.revoked, path, body),
          401,
          'STAFF_TOKEN_REVOKED',
        )
      }
    })

    it('refuses a role short of what the endpoint needs with 403', async () => {
      const viewer = tokens.viewer!
      const officer = tokens.officer!
      const forbidden: [string, string, unknown?][] = [
        [viewer, `/api/staff/reports/${code}/transitions`, { to: 'accepted' }],
        [viewer, `/api/staff/reports/${code}/extension`, { days: 5, reason: 'r' }],
        [officer, `/api/staff/reports/${code}/extension`, { days: 5, reason: 'r' }],
        [viewer, '/api/staff/audit'],
        [officer, '/api/staff/audit'],
        [officer, `/api/staff/reports/${code}/transitions`, { to: 'closed' }],
      ]
      for (const [token, path, body] of forbidden) {
        await expectError(await staffFetch(server, token, path, body), 403, 'ROLE_FORBIDDEN')
      }
      const [row] = await server.db.query<{ status: string }>(
        'SELECT status FROM reports WHERE tracking_code = $1',
        [code],
      )
      expect(row!.status).toBe('received')
    })

    it('admits each role where it may go', async () => {
      const me = await staffFetch(server, tokens.officer, '/api/staff/me')
      expect(await me.json()).toEqual({ name: 'officer one', role: 'officer' })
      expect((await staffFetch(server, tokens.viewer, '/api/staff/reports')).status).toBe(200)
      expect((await staffFetch(server, tokens.supervisor, '/api/staff/audit')).status).toBe(200)
    })

    it('keeps only the sha256 of a token', async () => {
      const rows = await server.db.query<{ token_sha256: string }>('SELECT token_sha256 FROM staff')
      const stored = JSON.stringify(rows)
      for (const token of Object.values(tokens)) expect(stored).not.toContain(token.slice(4))
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_sha256))).toBe(true)
    })
  })
}
