import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { metresPerDegreeLon } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { reportAt, type ReportAnswer } from './support/report-requests.ts'

// Places and their expected units and zones come from the fixture's squares (its README): the
// priority unit is 112.0–112.1°E, the level-1 source square 112.02–112.04 × 27.02–27.04 inside
// the level-2 ring 112.01–112.05 × 27.01–27.05, the reserve core 112.06–112.08 × 27.06–27.08,
// the no-raising zone 112.11–112.14 × 27.01–27.04 in the general unit (112.1–112.2 × 27.0–27.05).

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`POST /api/reports ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
    })
    afterAll(() => server?.close())

    const submit = async (body: unknown) => {
      const response = await server.postJson('/api/reports', body)
      return { response, body: (await response.json()) as ReportAnswer }
    }
    const stored = async (code: string) => {
      const [row] = await server.db.query<{
        priority: string
        unit_code: string
        district_adcode: number
        zones: { layer: string; properties: Record<string, unknown> }[]
        cluster_size: number
        lon: number
        lat: number
        description: string
      }>(
        `SELECT priority, unit_code, district_adcode, zones, cluster_size, description,
                ST_X(location) AS lon, ST_Y(location) AS lat
           FROM reports WHERE tracking_code = $1`,
        [code],
      )
      return row!
    }

    it('stores a report and answers its tracking code, unit and district', async () => {
      const before = Date.now()
      const { response, body } = await submit(reportAt(112.03, 27.03))
      expect(response.status).toBe(201)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      expect(body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/)
      expect(response.headers.get('location')).toBe(`/api/reports/${body.trackingCode}`)
      expect(body.status).toBe('received')
      expect(body.unit).toEqual({
        code: 'ZH43042110001',
        name: '测试优先保护单元',
        class: 'priority',
      })
      expect(body.district).toEqual({ adcode: 430421, name: '衡阳县' })
      expect(body.history.map((h) => h.status)).toEqual(['received'])

      const acceptBy = Date.parse(body.deadlines.acceptBy)
      expect(acceptBy).toBeGreaterThanOrEqual(before + 15 * 86_400_000 - 1000)
      expect(acceptBy).toBeLessThanOrEqual(Date.now() + 15 * 86_400_000)
    })

    it('answers the status at the tracking code, in any case, without hyphens', async () => {
      const { body: created } = await submit(reportAt(112.03, 27.03))
      for (const code of [
        created.trackingCode,
        created.trackingCode.toLowerCase().replace(/-/g, ''),
      ]) {
        const response = await server.get(`/api/reports/${code}`)
        expect(response.status).toBe(200)
        const body = (await response.json()) as ReportAnswer
        expect(body.trackingCode).toBe(created.trackingCode)
        expect(body.status).toBe('received')
        expect(body.category).toBe('water')
        expect(body.unit?.code).toBe('ZH43042110001')
      }
    })

    const priorities: [string, number, number, string, string, string[]][] = [
      ['a level-1 source zone', 112.03, 27.03, 'water', 'urgent', ['level1']],
      ['the level-2 ring', 112.015, 27.03, 'water', 'high', ['level2']],
      ['a reserve core', 112.07, 27.07, 'ecological_damage', 'urgent', ['core']],
      ['a priority unit outside any zone', 112.08, 27.02, 'air', 'high', []],
      ['a no-raising zone, for livestock', 112.12, 27.03, 'livestock', 'high', ['no_raising']],
      ['a no-raising zone, for noise', 112.125, 27.035, 'noise', 'normal', ['no_raising']],
      ['the general unit outside any zone', 112.17, 27.03, 'soil', 'normal', []],
    ]
    it.each(priorities)(
      'gives a report in %s the zones there and its priority',
      async (_, lon, lat, category, priority, zoneKinds) => {
        const { body } = await submit(reportAt(lon, lat, { category }))
        const row = await stored(body.trackingCode)
        expect(row.priority).toBe(priority)
        const kinds = row.zones.map(
          (z) => z.properties.level ?? z.properties.zone ?? z.properties.kind,
        )
        expect(kinds).toEqual(zoneKinds)
      },
    )

    it('raises the priority of the third report of a category within 500 m in a week', async () => {
      const lat = 27.02
      const east = (metres: number) => 112.18 + metres / metresPerDegreeLon(lat)
      const first = await submit(reportAt(112.18, lat, { category: 'radiation' }))
      const second = await submit(reportAt(east(200), lat, { category: 'radiation' }))
      const otherKind = await submit(reportAt(east(300), lat, { category: 'air' }))
      const third = await submit(reportAt(east(400), lat, { category: 'radiation' }))
      const far = await submit(reportAt(east(1_100), lat, { category: 'radiation' }))

      expect((await stored(first.body.trackingCode)).priority).toBe('normal')
      expect((await stored(second.body.trackingCode)).cluster_size).toBe(2)
      expect((await stored(second.body.trackingCode)).priority).toBe('normal')
      expect((await stored(otherKind.body.trackingCode)).priority).toBe('normal')
      expect(await stored(third.body.trackingCode)).toMatchObject({
        cluster_size: 3,
        priority: 'high',
      })
      // 700 m from the nearest of them.
      expect(await stored(far.body.trackingCode)).toMatchObject({
        cluster_size: 1,
        priority: 'normal',
      })
    })

    it('counts reports sent at the same time into one cluster, one after another', async () => {
      const sent = 6
      const answers = await Promise.all(
        Array.from({ length: sent }, () =>
          submit(reportAt(112.19, 27.045, { category: 'solid_waste' })),
        ),
      )
      expect(answers.map((a) => a.response.status)).toEqual(Array(sent).fill(201))

      const rows = await Promise.all(answers.map((a) => stored(a.body.trackingCode)))
      const sizes = rows.map((row) => row.cluster_size).sort((a, b) => a - b)
      expect(sizes).toEqual([1, 2, 3, 4, 5, 6])
      for (const row of rows) {
        // The general unit, outside every zone: normal until the third report of the cluster.
        expect(row.priority).toBe(row.cluster_size >= 3 ? 'high' : 'normal')
      }
    })

    it('converts a GCJ-02 location to WGS84 before finding its unit', async () => {
      const { body } = await submit(
        reportAt(112.03, 27.03, { location: { lon: 112.03, lat: 27.03, crs: 'gcj02' } }),
      )
      const row = await stored(body.trackingCode)
      // GCJ-02 lies a few hundred metres off WGS84 here.
      expect(Math.abs(row.lon - 112.03)).toBeGreaterThan(0.001)
      expect(Math.abs(row.lon - 112.03)).toBeLessThan(0.01)
      expect(row.unit_code).toBe('ZH43042110001')
    })

    it('keeps HTML and script in a description as inert text', async () => {
      const description = '<script>alert("x")</script><img src=x onerror="alert(1)"> & 黑水'
      const { response, body } = await submit(reportAt(112.17, 27.03, { description }))
      expect(response.status).toBe(201)
      expect((await stored(body.trackingCode)).description).toBe(description)

      const answer = await server.get(`/api/reports/${body.trackingCode}`)
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await answer.text()).not.toContain('<script>')
    })

    it('stores hundreds of concurrent reports, each once, under its own code', async () => {
      const count = 300
      const marker = `concurrent-${Date.now()}`
      const answers = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          submit(
            reportAt(112.17 + (i % 20) * 0.001, 27.01 + Math.floor(i / 20) * 0.001, {
              category: 'noise',
              description: `${marker} #${i}`,
            }),
          ),
        ),
      )
      expect(answers.map((a) => a.response.status)).toEqual(Array(count).fill(201))
      const codes = answers.map((a) => a.body.trackingCode)
      expect(new Set(codes).size).toBe(count)

      const rows = await server.db.query<{ tracking_code: string; description: string }>(
        `SELECT tracking_code, description FROM reports WHERE description LIKE $1`,
        [`${marker} #%`],
      )
      expect(rows).toHaveLength(count)
      const byCode = new Map(rows.map((r) => [r.tracking_code, r.description]))
      codes.forEach((code, i) => expect(byCode.get(code)).toBe(`${marker} #${i}`))
    })
  })
}
