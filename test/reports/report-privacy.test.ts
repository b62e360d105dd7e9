import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLog } from '../support/log-capture.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { jpegWith, exifWithGps } from './support/photo-files.ts'
import { postReportForm, reportAt } from './support/report-requests.ts'

const CONTACT = { name: '李四维', phone: '139 1234 5678', email: 'li.siwei@example.cn' }
const PERSONAL_TEXT = '我住在幸福小区7栋302室'
const PRIVATE_KEYS = ['contact', 'description', 'photos', 'phone', 'email', 'locationInput']

/** Every JSON key anywhere in a value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`public report answers ${backend.title}`, () => {
    const { log, lines } = captureLog()
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { log, reportsPerHour: 100_000 })
    })
    afterAll(() => server?.close())

    it('hold no contact, description, photo or exact place, nor do the logs', async () => {
      const lon = 112.0312345
      const lat = 27.0312345
      const report = reportAt(lon, lat, {
        description: `${PERSONAL_TEXT}，楼下工厂夜里排放黑烟。`,
        contact: CONTACT,
      })
      const answers: Response[] = []
      answers.push(await server.postJson('/api/reports', report))
      answers.push(
        await postReportForm(server, report, [
          { name: 'me.jpg', type: 'image/jpeg', bytes: jpegWith([exifWithGps()]) },
        ]),
      )
      const codes: string[] = []
      for (const answer of answers.slice()) {
        const body = (await answer.clone().json()) as { trackingCode: string }
        codes.push(body.trackingCode)
      }
      for (const code of codes) {
        answers.push(await server.get(`/api/reports/${code}`))
        answers.push(await server.get(`/api/reports/${code.toLowerCase()}`))
      }
      // Refused reports that carry the same personal data.
      answers.push(await server.postJson('/api/reports', { ...report, category: 'unknown' }))
      answers.push(
        await server.postJson('/api/reports', { ...report, contact: { ...CONTACT, phone: 'x' } }),
      )
      answers.push(await server.postJson('/api/reports', { ...report, contact: CONTACT.phone }))
      answers.push(await server.postJson('/api/reports', { ...report, observedAt: 'yesterday' }))

      expect(answers.slice(0, 6).map((a) => a.status)).toEqual([201, 201, 200, 200, 200, 200])
      expect(answers.slice(6).every((a) => a.status >= 400 && a.status < 500)).toBe(true)
      for (const answer of answers) {
        expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
        const text = await answer.text()
        for (const secret of [...Object.values(CONTACT), PERSONAL_TEXT, String(lon), '1234 5678']) {
          expect(text).not.toContain(secret)
        }
        const keys = keysOf(JSON.parse(text))
        for (const key of PRIVATE_KEYS) expect(keys).not.toContain(key)
      }

      const logged = JSON.stringify(lines)
      expect(lines.length).toBeGreaterThan(0)
      for (const secret of [...Object.values(CONTACT), PERSONAL_TEXT, String(lon), ...codes]) {
        expect(logged).not.toContain(secret)
      }
    })
  })
}
