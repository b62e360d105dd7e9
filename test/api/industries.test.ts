import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

interface SearchBody {
  q: string
  limit: number
  industries: { code: string; name_zh: string; name_en: string | null; level: string }[]
  more: boolean
}

interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`GET /api/industries ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const search = async (query: string) => {
      const response = await server.get(`/api/industries?${query}`)
      expect(response.status).toBe(200)
      return (await response.json()) as SearchBody
    }
    const codes = (body: SearchBody) => body.industries.map((i) => i.code)

    // [case, query string, codes in order]
    const searches: [string, string, string[]][] = [
      ['puts the exact code first, then the codes under it', 'q=C26', ['C26', 'C261', 'C2614']],
      ['reads codes in any case', 'q=c261', ['C261', 'C2614']],
      ['matches digits without the section letter', 'q=2614', ['C2614']],
      ['matches a division number', 'q=26', ['C26', 'C261', 'C2614']],
      [
        'finds Chinese names containing the text, broader codes first',
        `q=${encodeURIComponent('化学')}`,
        ['C26', 'C261', 'C2614'],
      ],
      [
        'finds a Chinese name by a part of it',
        `q=${encodeURIComponent('饲养')}`,
        ['A031', 'A0313'],
      ],
      [
        'ranks an exact name before names containing it',
        `q=${encodeURIComponent('电力生产')}`,
        ['D441'],
      ],
      [
        'finds English names regardless of case, broader codes first',
        'q=CHEMICAL',
        ['C26', 'C261', 'C2614'],
      ],
      ['ranks an exact English name first', 'q=pig%20farming', ['A0313']],
      ['treats % and _ as plain characters', 'q=%25', []],
      ['answers an empty list when nothing matches', 'q=Z99', []],
    ]
    it.each(searches)('%s', async (_, query, expected) => {
      expect(codes(await search(query))).toEqual(expected)
    })

    it('ranks codes before names, and names starting with the text before the rest', async () => {
      // "m": section M and its division by code; "Manufacture of …" by the start of the name;
      // "Pig farming" and "Thermal power generation" contain it.
      const body = await search('q=m')
      expect(codes(body)).toEqual(['M', 'M73', 'C26', 'C261', 'C2614', 'A0313', 'D4411'])
    })

    it('limits the list and says when more match', async () => {
      const body = await search('q=C&limit=2')
      expect(codes(body)).toEqual(['C', 'C26'])
      expect(body.more).toBe(true)
      expect(body.limit).toBe(2)
      const all = await search('q=C&limit=100')
      expect(codes(all)).toEqual(['C', 'C26', 'C32', 'C261', 'C2614'])
      expect(all.more).toBe(false)
    })

    it('returns twenty by default, with names in both languages', async () => {
      const body = await search('q=C2614')
      expect(body.limit).toBe(20)
      expect(body.industries[0]).toEqual({
        code: 'C2614',
        name_zh: '有机化学原料制造',
        name_en: 'Manufacture of organic chemical raw materials',
        level: 'class',
        parent_code: 'C261',
      })
    })

    it('trims the text', async () => {
      const body = await search('q=%20C32%20')
      expect(body.q).toBe('C32')
      expect(codes(body)).toEqual(['C32'])
    })

    describe('one industry', () => {
      it('answers an industry with its broader and narrower ones', async () => {
        const response = await server.get('/api/industries/C26')
        expect(response.status).toBe(200)
        const body = (await response.json()) as {
          code: string
          ancestors: { code: string }[]
          children: { code: string }[]
        }
        expect(body.code).toBe('C26')
        expect(body.ancestors.map((i) => i.code)).toEqual(['C'])
        expect(body.children.map((i) => i.code)).toEqual(['C261'])
      })

      it('reads the code in any case and lists every ancestor, section first', async () => {
        const response = await server.get('/api/industries/c2614')
        const body = (await response.json()) as { code: string; ancestors: { code: string }[] }
        expect(body.code).toBe('C2614')
        expect(body.ancestors.map((i) => i.code)).toEqual(['C', 'C26', 'C261'])
      })
    })

    describe('bad input', () => {
      // [case, path, status, code, field]
      const cases: [string, string, number, string, string][] = [
        ['no q', '/api/industries', 400, 'PARAMETER_MISSING', 'q'],
        ['an empty q', '/api/industries?q=', 400, 'PARAMETER_MISSING', 'q'],
        ['a blank q', '/api/industries?q=%20%20', 400, 'PARAMETER_MISSING', 'q'],
        [
          'a q over 50 characters',
          `/api/industries?q=${'化'.repeat(51)}`,
          400,
          'PARAMETER_TOO_LONG',
          'q',
        ],
        ['a repeated q', '/api/industries?q=C&q=D', 400, 'PARAMETER_REPEATED', 'q'],
        [
          'an unknown parameter',
          '/api/industries?q=C&section=C',
          400,
          'PARAMETER_UNKNOWN',
          'section',
        ],
        ['a q with a NUL', '/api/industries?q=C%0026', 400, 'PARAMETER_INVALID', 'q'],
        ['a limit of 0', '/api/industries?q=C&limit=0', 400, 'LIMIT_INVALID', 'limit'],
        ['a limit over 100', '/api/industries?q=C&limit=101', 400, 'LIMIT_INVALID', 'limit'],
        ['a fractional limit', '/api/industries?q=C&limit=1.5', 400, 'LIMIT_INVALID', 'limit'],
        ['a limit in words', '/api/industries?q=C&limit=ten', 400, 'LIMIT_INVALID', 'limit'],
        ['an empty limit', '/api/industries?q=C&limit=', 400, 'LIMIT_INVALID', 'limit'],
        [
          'a repeated limit',
          '/api/industries?q=C&limit=1&limit=2',
          400,
          'PARAMETER_REPEATED',
          'limit',
        ],
        ['a malformed code', '/api/industries/26X', 400, 'INDUSTRY_INVALID', 'code'],
        ['an unknown code', '/api/industries/C99', 404, 'INDUSTRY_NOT_FOUND', 'code'],
      ]
      it.each(cases)('rejects %s', async (_, path, status, code, field) => {
        const response = await server.get(path)
        expect(response.status).toBe(status)
        const body = (await response.json()) as ErrorBody
        expect(body.error.code).toBe(code)
        expect(body.error.field).toBe(field)
        expect(body.error.message.length).toBeGreaterThan(10)
      })

      it('says how long q may be and how long it was', async () => {
        const response = await server.get(`/api/industries?q=${'a'.repeat(51)}`)
        const body = (await response.json()) as ErrorBody
        expect(body.error.code).toBe('PARAMETER_TOO_LONG')
        expect(body.error.message).toContain('50')
        expect(body.error.message).toContain('51')
      })
    })
  })
}
