import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postReportForm, reportAt } from '../reports/support/report-requests.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// JSON.parse keeps the last of repeated keys; each of these would change what is stored.
describe('a key given twice in a JSON body', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', { reportsPerHour: 100 })
  })
  afterAll(() => server?.close())

  const refusal = async (response: Response) => ({
    status: response.status,
    error: ((await response.json()) as { error: Record<string, string> }).error,
  })

  it('is refused with a 400 naming its path, in reports and checks alike', async () => {
    const place = JSON.stringify(reportAt(112.05, 27.05))
    const cases: [string, string, string][] = [
      [
        '/api/reports',
        place.replace('"category":"water"', '"category":"water","category":"air"'),
        'category',
      ],
      ['/api/reports', place.replace('"lat":27.05', '"lat":27.05,"lat":27.02'), 'location.lat'],
      [
        '/api/admission-check',
        '{"geometry":{"type":"Point","coordinates":[112.05,27.05]},' +
          '"industry":"C2614","industry":"C26"}',
        'industry',
      ],
    ]
    for (const [path, body, field] of cases) {
      const { status, error } = await refusal(await server.postJson(path, body))
      expect({ status, code: error.code, field: error.field }, body).toEqual({
        status: 400,
        code: 'PARAMETER_REPEATED',
        field,
      })
      expect(error.message).toContain(`${field} is given twice`)
    }
    const [stored] = await server.db.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM reports',
    )
    expect(stored!.n).toBe(0)
  })

  it('is refused in the JSON text of a form field too', async () => {
    const location = '{"lon":112.05,"lat":27.05,"lat":27.02}'
    const response = await postReportForm(server, { ...reportAt(112.05, 27.05), location })
    const { status, error } = await refusal(response)
    expect({ status, code: error.code, field: error.field }).toEqual({
      status: 400,
      code: 'PARAMETER_REPEATED',
      field: 'location.lat',
    })
  })
})
