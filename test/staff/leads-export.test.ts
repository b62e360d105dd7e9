import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvCell } from '../../server/staff/report-csv.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { reportAt, type ErrorAnswer } from '../reports/support/report-requests.ts'
import { staffFetch, tokenFor } from './support/staff-client.ts'

// The fixture's farm (112.12, 27.02) lies in its no-raising zone (112.11–112.14 × 27.01–27.04),
// whose rule is T04; the level-1 source square carries T01, and the priority unit T07 (its
// class) and T08 (the unit's own). See test/fixtures/dataset.

interface Lead {
  kind: string
  subject: Record<string, unknown>
  zone: { layer: string; title_zh: string; title_en: string } | null
  cluster: { reports: number; radius_m: number; days: number } | null
  basis: string
  rules: { code: string; legal_basis: string | null }[]
  district: { adcode: number } | null
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`leads and export ${backend.title}`, () => {
    let server: TestServer
    let viewer: string
    let sourceReport: string
    let livestockReport: string
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
      viewer = await tokenFor(server.db, 'viewer')
      const description = '=HYPERLINK("http://x") 排污, "夜间"\n第二行'
      const response = await server.postJson(
        '/api/reports',
        reportAt(112.03, 27.03, { description, contact: { phone: '13911112222' } }),
      )
      sourceReport = ((await response.json()) as { trackingCode: string }).trackingCode
      for (const metres of [0, 100, 200]) {
        await server.postJson(
          '/api/reports',
          reportAt(112.17 + metres / 99_000, 27.03, { category: 'air' }),
        )
      }
      // In the no-raising zone (112.11–112.14 × 27.01–27.04), 2 km apart.
      for (const [lon, category] of [
        [112.115, 'livestock'],
        [112.135, 'noise'],
      ] as const) {
        const answer = await server.postJson('/api/reports', reportAt(lon, 27.02, { category }))
        if (category === 'livestock') {
          livestockReport = ((await answer.json()) as { trackingCode: string }).trackingCode
        }
      }
    })
    afterAll(() => server?.close())

    const leads = async (query = '') => {
      const response = await staffFetch(server, viewer, `/api/staff/leads${query}`)
      expect(response.status).toBe(200)
      return ((await response.json()) as { leads: Lead[] }).leads
    }

    it('finds the farm in the no-raising zone with the rule that forbids it', async () => {
      const found = await leads('?kind=farm_in_no_raising_zone')
      expect(found).toHaveLength(1)
      expect(found[0]!.subject).toMatchObject({
        type: 'facility',
        kind: 'farm',
        name: '测试养殖场',
      })
      expect(found[0]!.zone).toMatchObject({
        layer: 'no_raising_zones',
        title_zh: '畜禽禁养区',
        title_en: 'Livestock no-raising zones',
      })
      expect(found[0]!.cluster).toBeNull()
      expect(found[0]!.rules.map((r) => r.code)).toEqual(['T04'])
      expect(found[0]!.rules[0]!.legal_basis).toBe('《畜禽规模养殖污染防治条例》第十一条')
      expect(found[0]!.district?.adcode).toBe(430421)
    })

    it('finds open reports in sensitive zones and priority units, and clusters', async () => {
      const sensitive = await leads('?kind=report_in_sensitive_zone')
      // The noise report in the no-raising zone is none: the zone forbids livestock farming.
      expect(sensitive.map((l) => l.subject.trackingCode).sort()).toEqual(
        [sourceReport, livestockReport].sort(),
      )
      expect(sensitive.find((l) => l.subject.trackingCode === livestockReport)!.zone).toMatchObject(
        { layer: 'no_raising_zones' },
      )
      const source = sensitive.find((l) => l.subject.trackingCode === sourceReport)!
      expect(source.rules.map((r) => r.code)).toEqual(['T01'])
      // The zone by its catalogue titles, which the sentence uses rather than the layer's name.
      expect(source.zone).toMatchObject({
        layer: 'water_source_zones',
        title_zh: '饮用水水源保护区',
        title_en: 'Drinking-water source protection zones',
      })
      expect(source.basis).toBe(
        'An open water report lies in a sensitive zone (Drinking-water source protection zones).',
      )

      const priority = await leads('?kind=report_in_priority_unit')
      expect(priority.map((l) => l.subject.trackingCode)).toEqual([sourceReport])
      expect(priority[0]!.rules.map((r) => r.code)).toEqual(['T07', 'T08'])

      const clusters = await leads('?kind=report_cluster')
      expect(clusters).toHaveLength(1)
      expect(clusters[0]!.rules).toEqual([])
      expect(clusters[0]!.cluster).toEqual({ reports: 3, radius_m: 500, days: 7 })
      expect(clusters[0]!.basis).toBe('3 air reports within 500 m in 7 days, this one included.')

      expect(await leads('?district=430407')).toEqual([])
      expect((await leads()).length).toBe(5)
    })

    it.each([
      ['?kind=farms', 'kind'],
      ['?district=43', 'district'],
      ['?limit=0', 'limit'],
      ['?near=1', 'near'],
    ])('refuses leads%s', async (query, field) => {
      const response = await staffFetch(server, viewer, `/api/staff/leads${query}`)
      const body = (await response.json()) as ErrorAnswer
      expect([response.status, body.error.field]).toEqual([400, field])
    })

    it('exports the filtered reports as CSV without contacts, formulas made inert', async () => {
      const response = await staffFetch(server, viewer, '/api/staff/reports.csv?unit=ZH43042110001')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      const bytes = Buffer.from(await response.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.toString('utf8').slice(1)
      const [header, ...rest] = text.split('\r\n')
      expect(header!.split(',')).toContain('tracking_code')
      expect(text).not.toContain('13911112222')
      expect(text).toContain(sourceReport)
      expect(text).toContain(`"'=HYPERLINK(""http://x"") 排污, ""夜间""\n第二行"`)
      expect(rest.filter((line) => line.startsWith(sourceReport))).toHaveLength(1)

      const [audit] = await server.db.query<{ action: string }>(
        'SELECT action FROM audit_log ORDER BY id DESC LIMIT 1',
      )
      expect(audit!.action).toBe('reports.exported')
    })

    it('refuses an export with a bad filter', async () => {
      const response = await staffFetch(server, viewer, '/api/staff/reports.csv?status=open')
      expect(response.status).toBe(400)
      expect(((await response.json()) as ErrorAnswer).error.field).toBe('status')
    })

    it('writes CSV cells by RFC 4180', () => {
      expect(csvCell(null)).toBe('')
      expect(csvCell(3)).toBe('3')
      expect(csvCell(-3)).toBe('-3')
      expect(csvCell('a,b')).toBe('"a,b"')
      expect(csvCell('say "hi"')).toBe('"say ""hi"""')
      expect(csvCell('+86 139')).toBe("'+86 139")
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    })
  })
}
