import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

const MARKS =
  ', or U+FFFD, the mark a decoder leaves in their place; send the original text in UTF-8.'

describe('query strings that are not UTF-8', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture')
  })
  afterAll(() => server?.close())

  it.each([
    ['/api/search?q=%FF', 'q', 'a byte no UTF-8 text holds'],
    ['/api/search?q=%D6%D0', 'q', '中 in GBK'],
    ['/api/industries?q=%ED%A0%80', 'q', 'a lone surrogate'],
    ['/api/lookup?lon=112.03&lat=27.03&crs=wgs%E9', 'crs', 'é in Latin-1'],
  ])('refuses %s naming %s (%s)', async (address, field) => {
    const response = await server.get(address)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        code: 'TEXT_NOT_UTF8',
        message: `${field} holds bytes that are not UTF-8 text${MARKS}`,
        field,
      },
    })
  })

  it("refuses a parameter's name that is not UTF-8", async () => {
    const response = await server.get('/api/search?q=x&%FF=1')
    expect(response.status).toBe(400)
    const body = (await response.json()) as ErrorBody
    expect(body.error).toEqual({
      code: 'TEXT_NOT_UTF8',
      message: `A query parameter's name holds bytes that are not UTF-8 text${MARKS}`,
    })
  })

  it('takes text in UTF-8, escaped or not, and a % that escapes nothing', async () => {
    for (const q of ['%E4%B8%AD', encodeURIComponent('示例'), '100%25', '50%', '%zz']) {
      const response = await server.get(`/api/search?q=${q}`)
      expect(response.status, q).toBe(200)
    }
    // The search answers for the text as sent: 中 decoded, a bare % kept.
    const search = async (q: string) =>
      ((await (await server.get(`/api/search?q=${q}`)).json()) as { q: string }).q
    expect(await search('%E4%B8%AD')).toBe('中')
    expect(await search('50%')).toBe('50%')
  })
})
