import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { pngWith } from '../reports/support/photo-files.ts'
import { postReportForm, reportAt, type ErrorAnswer } from '../reports/support/report-requests.ts'
import { staffFetch, tokenFor } from './support/staff-client.ts'

interface Summary {
  trackingCode: string
  category: string
  status: string
  priority: string
  unit: { code: string } | null
  district: { adcode: number } | null
  deadlines: { acceptBy: string; closeBy: string | null; overdue: string | null }
}
interface ListAnswer {
  total: number
  limit: number
  offset: number
  reports: Summary[]
}

const CONTACT = { name: '王五', phone: '13700001111' }

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`staff report list and detail ${backend.title}`, () => {
    let server: TestServer
    let viewer: string
    let officer: string
    const codes: Record<string, string> = {}

    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
      viewer = await tokenFor(server.db, 'viewer')
      officer = await tokenFor(server.db, 'officer')
      // One report per unit of the fixture, from its squares.
      const reports: [string, Record<string, unknown>][] = [
        ['source', reportAt(112.03, 27.03, { category: 'water', contact: CONTACT })],
        ['key', reportAt(112.13, 27.08, { category: 'air' })],
        ['general', reportAt(112.17, 27.03, { category: 'noise' })],
      ]
      for (const [name, body] of reports) {
        const response = await server.postJson('/api/reports', body)
        codes[name] = ((await response.json()) as { trackingCode: string }).trackingCode
      }
      const withPhoto = await postReportForm(
        server,
        reportAt(112.17, 27.03, { category: 'soil' }),
        [{ name: 'a.png', type: 'image/png', bytes: pngWith() }],
      )
      codes.photo = ((await withPhoto.json()) as { trackingCode: string }).trackingCode
      // Received 16 days ago: past the 15 days to accept.
      await server.db.query(
        `UPDATE reports SET received_at = now() - interval '16 days' WHERE tracking_code = $1`,
        [codes.key],
      )
    })
    afterAll(() => server?.close())

    const list = async (query = '') => {
      const response = await staffFetch(server, viewer, `/api/staff/reports${query}`)
      expect(response.status).toBe(200)
      return (await response.json()) as ListAnswer
    }
    const codesOf = (answer: ListAnswer) => answer.reports.map((r) => r.trackingCode).sort()

    it('lists every report, newest first, without descriptions or contacts', async () => {
      const answer = await list()
      expect(answer.total).toBe(4)
      expect(codesOf(answer)).toEqual(Object.values(codes).sort())
      expect(answer.reports.at(-1)!.trackingCode).toBe(codes.key)
      const text = JSON.stringify(answer)
      expect(text).not.toContain(CONTACT.phone)
      expect(text).not.toContain('description')
    })

    const filters: [string, string[]][] = [
      ['?unit=ZH43042110001', ['source']],
      ['?unit=ZH43042130001', ['general', 'photo']],
      ['?unit=zh43042130001', ['general', 'photo']],
      ['?district=430421', ['source', 'key', 'general', 'photo']],
      ['?district=430407', []],
      ['?category=air', ['key']],
      ['?category=air,noise', ['key', 'general']],
      ['?priority=urgent', ['source']],
      ['?status=received', ['source', 'key', 'general', 'photo']],
      ['?status=accepted', []],
      ['?overdue=true', ['key']],
      ['?overdue=false', ['source', 'general', 'photo']],
    ]
    it.each(filters)('filters %s', async (query, names) => {
      expect(codesOf(await list(query))).toEqual(names.map((n) => codes[n]).sort())
    })

    it('filters by the day of receipt in China Standard Time', async () => {
      const day = (offsetDays: number) =>
        new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
      expect((await list(`?from=${day(0)}&to=${day(0)}`)).total).toBe(3)
      expect(codesOf(await list(`?to=${day(-10)}`))).toEqual([codes.key])
      expect((await list(`?from=${day(1)}`)).total).toBe(0)
    })

    it('pages with limit and offset', async () => {
      const page = await list('?limit=2&offset=1')
      expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 })
      expect(page.reports).toHaveLength(2)
    })

    it('flags the overdue report and gives its deadline', async () => {
      const answer = await list(`?overdue=true`)
      const [report] = answer.reports
      expect(report!.deadlines.overdue).toBe('acceptance')
      const [row] = await server.db.query<{ received_at: Date }>(
        'SELECT received_at FROM reports WHERE tracking_code = $1',
        [codes.key],
      )
      expect(Date.parse(report!.deadlines.acceptBy)).toBe(
        new Date(row!.received_at).getTime() + 15 * 86_400_000,
      )
    })

    it('shows an officer the report in full with its contact and photos', async () => {
      const response = await staffFetch(server, officer, `/api/staff/reports/${codes.source}`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as Record<string, unknown>
      expect(body.contact).toEqual(CONTACT)
      expect(body.description).toBe('河水发黑发臭，有死鱼。')
      expect(body.locationInput).toEqual({ lon: 112.03, lat: 27.03, crs: 'EPSG:4326' })
      expect(body.priority).toBe('urgent')

      const photo = await staffFetch(server, officer, `/api/staff/reports/${codes.photo}`)
      const { photos } = (await photo.json()) as { photos: { url: string; bytes: number }[] }
      expect(photos).toHaveLength(1)
      const bytes = await (await staffFetch(server, officer, photos[0]!.url)).arrayBuffer()
      expect(bytes.byteLength).toBe(photos[0]!.bytes)
    })

    it('hides the contact from a viewer', async () => {
      const response = await staffFetch(server, viewer, `/api/staff/reports/${codes.source}`)
      const text = await response.text()
      expect(response.status).toBe(200)
      expect(text).not.toContain(CONTACT.phone)
      expect(JSON.parse(text)).toMatchObject({ contactHidden: true })
    })

    it('records who read a report in the audit log', async () => {
      await staffFetch(server, officer, `/api/staff/reports/${codes.general}`)
      const [row] = await server.db.query<{ actor: string; action: string }>(
        `SELECT a.actor, a.action FROM audit_log a JOIN reports r ON r.id = a.report_id
          WHERE r.tracking_code = $1 ORDER BY a.id DESC LIMIT 1`,
        [codes.general],
      )
      expect(row!.action).toBe('report.viewed')
      expect(row!.actor).toMatch(/^officer-/)
    })

    const bad: [string, string, number, string, string?][] = [
      ['/api/staff/reports?district=4304', 'PARAMETER_INVALID', 400, 'district'],
      ['/api/staff/reports?unit=43042110001', 'PARAMETER_INVALID', 400, 'unit'],
      ['/api/staff/reports?category=smell', 'PARAMETER_INVALID', 400, 'category'],
      ['/api/staff/reports?status=done', 'PARAMETER_INVALID', 400, 'status'],
      ['/api/staff/reports?priority=low', 'PARAMETER_INVALID', 400, 'priority'],
      ['/api/staff/reports?from=2024-02-30', 'PARAMETER_INVALID', 400, 'from'],
      ['/api/staff/reports?to=yesterday', 'PARAMETER_INVALID', 400, 'to'],
      ['/api/staff/reports?from=0001-01-01', 'PARAMETER_INVALID', 400, 'from'],
      ['/api/staff/reports?to=0000-02-29', 'PARAMETER_INVALID', 400, 'to'],
      ['/api/staff/reports.csv?from=1999-12-31', 'PARAMETER_INVALID', 400, 'from'],
      ['/api/staff/reports?to=3000-01-01', 'PARAMETER_INVALID', 400, 'to'],
      ['/api/staff/reports?from=2024-05-02&to=2024-05-01', 'PARAMETER_INVALID', 400, 'from'],
      ['/api/staff/reports?overdue=yes', 'PARAMETER_INVALID', 400, 'overdue'],
      ['/api/staff/reports?limit=0', 'PARAMETER_INVALID', 400, 'limit'],
      ['/api/staff/reports?limit=501', 'PARAMETER_INVALID', 400, 'limit'],
      ['/api/staff/reports?offset=-1', 'PARAMETER_INVALID', 400, 'offset'],
      ['/api/staff/reports?sort=priority', 'PARAMETER_UNKNOWN', 400, 'sort'],
      [
        '/api/staff/reports?unit=ZH43042110001&unit=ZH43042130001',
        'PARAMETER_REPEATED',
        400,
        'unit',
      ],
      ['/api/staff/reports/NOT-A-CODE', 'TRACKING_CODE_INVALID', 400, 'code'],
      ['/api/staff/reports/00000-00000-00000-00000', 'REPORT_NOT_FOUND', 404, 'code'],
      ['/api/staff/reports/00000-00000-00000-00000/photos/1', 'REPORT_NOT_FOUND', 404, 'code'],
    ]
    it.each(bad)('refuses %s', async (path, code, status, field) => {
      const response = await staffFetch(server, viewer, path)
      const body = (await response.json()) as ErrorAnswer
      expect([response.status, body.error.code, body.error.field]).toEqual([status, code, field])
    })

    it('refuses a photo position that is not there', async () => {
      for (const [position, status] of [
        ['4', 400],
        ['x', 400],
        ['2', 404],
      ] as const) {
        const path = `/api/staff/reports/${codes.photo}/photos/${position}`
        expect((await staffFetch(server, viewer, path)).status).toBe(status)
      }
    })
  })
}
