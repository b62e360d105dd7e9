import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblems } from '../support/error-answers.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { jpegWith, pngSized, pngWith } from './support/photo-files.ts'
import {
  postReportForm,
  reportAt,
  type ErrorAnswer,
  type ErrorProblem,
  type PhotoPart,
} from './support/report-requests.ts'

const valid = reportAt(112.17, 27.03)
// Two hours ago, without an offset, for the offset cases to complete.
const RECENT = new Date(Date.now() - 2 * 3_600_000).toISOString().slice(0, 19)
const without = (name: string) =>
  Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name))
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** Cases refused for the request's shape, not a field's value: no list of problems comes. */
const ALONE = new Set([
  'an unknown field',
  'photos in a JSON report',
  'an array body',
  'a body that is not JSON',
  'a body over 32 KB',
  'four photos',
  'a photo in another field',
  'a photo over 8 MB',
  'a second photo over 8 MB',
])

describe.skipIf(BACKENDS[0]!.skip)('report input errors', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', {
      reportsPerHour: 100_000,
      reportLookupsPerMinute: 100_000,
    })
  })
  afterAll(() => server?.close())

  const expectError = async (response: Response, status: number, code: string, field?: string) => {
    const body = (await response.json()) as ErrorAnswer
    expect({ status: response.status, code: body.error.code, field: body.error.field }).toEqual({
      status,
      code,
      field,
    })
    expect(body.error.message.length).toBeGreaterThan(10)
    return body
  }

  const json: [string, unknown, number, string, string?][] = [
    ['no category', without('category'), 400, 'PARAMETER_MISSING', 'category'],
    ['an unknown category', { ...valid, category: 'smell' }, 400, 'CATEGORY_INVALID', 'category'],
    [
      'a category of the wrong type',
      { ...valid, category: 3 },
      400,
      'CATEGORY_INVALID',
      'category',
    ],
    ['no location', without('location'), 400, 'PARAMETER_MISSING', 'location'],
    [
      'a location as text',
      { ...valid, location: '112.1,27.0' },
      400,
      'LOCATION_INVALID',
      'location',
    ],
    [
      'a location as an array',
      { ...valid, location: [112.1, 27] },
      400,
      'LOCATION_INVALID',
      'location',
    ],
    [
      'no longitude',
      { ...valid, location: { lat: 27.03 } },
      400,
      'PARAMETER_MISSING',
      'location.lon',
    ],
    [
      'a longitude of the wrong type',
      { ...valid, location: { lon: true, lat: 27 } },
      400,
      'LOCATION_INVALID',
      'location.lon',
    ],
    [
      'a longitude that is no number',
      { ...valid, location: { lon: '0x70', lat: 27 } },
      400,
      'COORDINATE_INVALID',
      'location.lon',
    ],
    [
      'a latitude beyond 90',
      { ...valid, location: { lon: 112, lat: 120 } },
      400,
      'COORDINATE_OUT_OF_RANGE',
      'location.lat',
    ],
    [
      'an unknown crs',
      { ...valid, location: { lon: 112.17, lat: 27.03, crs: 'EPSG:3857' } },
      400,
      'CRS_UNSUPPORTED',
      'location.crs',
    ],
    [
      'an unknown location field',
      { ...valid, location: { lon: 112.17, lat: 27.03, alt: 5 } },
      400,
      'FIELD_UNKNOWN',
      'location.alt',
    ],
    [
      'a place outside the zoning',
      { ...valid, location: { lon: 100, lat: 30 } },
      422,
      'OUTSIDE_COVERAGE',
      'location',
    ],
    ['no observation time', without('observedAt'), 400, 'PARAMETER_MISSING', 'observedAt'],
    [
      'an observation time in words',
      { ...valid, observedAt: 'yesterday' },
      400,
      'OBSERVED_AT_INVALID',
      'observedAt',
    ],
    [
      'an observation time of a day that is not',
      { ...valid, observedAt: '2025-02-30T10:00' },
      400,
      'OBSERVED_AT_INVALID',
      'observedAt',
    ],
    [
      'an offset beyond +14:00',
      { ...valid, observedAt: `${RECENT}+99:99` },
      400,
      'OBSERVED_AT_INVALID',
      'observedAt',
    ],
    [
      'an offset of 24 hours',
      { ...valid, observedAt: `${RECENT}+24:00` },
      400,
      'OBSERVED_AT_INVALID',
      'observedAt',
    ],
    [
      'an offset with 99 minutes',
      { ...valid, observedAt: `${RECENT}-05:99` },
      400,
      'OBSERVED_AT_INVALID',
      'observedAt',
    ],
    [
      'an observation time as a number',
      { ...valid, observedAt: 1714500000 },
      400,
      'OBSERVED_AT_INVALID',
      'observedAt',
    ],
    [
      'an observation time tomorrow',
      { ...valid, observedAt: inDays(1) },
      422,
      'OBSERVED_AT_IN_FUTURE',
      'observedAt',
    ],
    [
      'an observation time two years ago',
      { ...valid, observedAt: inDays(-730) },
      422,
      'OBSERVED_AT_TOO_OLD',
      'observedAt',
    ],
    ['no description', without('description'), 400, 'PARAMETER_MISSING', 'description'],
    [
      'a blank description',
      { ...valid, description: '   ' },
      400,
      'PARAMETER_MISSING',
      'description',
    ],
    [
      'a description that is not text',
      { ...valid, description: ['a'] },
      400,
      'DESCRIPTION_INVALID',
      'description',
    ],
    [
      'a description of marks that draw nothing',
      { ...valid, description: '\u202e\u200b\u2060' },
      400,
      'DESCRIPTION_INVALID',
      'description',
    ],
    [
      'a description of 2,001 characters',
      { ...valid, description: '污'.repeat(2001) },
      422,
      'DESCRIPTION_TOO_LONG',
      'description',
    ],
    [
      'a description with NUL',
      { ...valid, description: 'a\u0000b' },
      400,
      'TEXT_INVALID',
      'description',
    ],
    [
      'a description with a lone surrogate',
      { ...valid, description: 'a\ud800b' },
      400,
      'TEXT_INVALID',
      'description',
    ],
    [
      'a contact name with a lone surrogate',
      { ...valid, contact: { name: 'Li\udc00' } },
      400,
      'TEXT_INVALID',
      'contact.name',
    ],
    [
      'a contact name with a direction override',
      { ...valid, contact: { name: '李\u202E明' } },
      400,
      'TEXT_INVALID',
      'contact.name',
    ],
    [
      'a description with a control character',
      { ...valid, description: '烟囱冒黑烟\u0007' },
      400,
      'TEXT_INVALID',
      'description',
    ],
    ['a contact as text', { ...valid, contact: '13900000000' }, 400, 'CONTACT_INVALID', 'contact'],
    [
      'an unknown contact field',
      { ...valid, contact: { wechat: 'x' } },
      400,
      'FIELD_UNKNOWN',
      'contact.wechat',
    ],
    [
      'a phone of letters',
      { ...valid, contact: { phone: 'call me' } },
      400,
      'CONTACT_INVALID',
      'contact.phone',
    ],
    [
      'an e-mail without @',
      { ...valid, contact: { email: 'li.example.cn' } },
      400,
      'CONTACT_INVALID',
      'contact.email',
    ],
    [
      'a name too long',
      { ...valid, contact: { name: '名'.repeat(51) } },
      400,
      'CONTACT_INVALID',
      'contact.name',
    ],
    [
      'a contact key every object inherits',
      { ...valid, contact: { toString: 'x' } },
      400,
      'FIELD_UNKNOWN',
      'contact.toString',
    ],
    [
      'a name as a number',
      { ...valid, contact: { name: 5 } },
      400,
      'CONTACT_INVALID',
      'contact.name',
    ],
    ['an unknown field', { ...valid, anonymous: true }, 400, 'FIELD_UNKNOWN', 'anonymous'],
    ['photos in a JSON report', { ...valid, photos: ['a.jpg'] }, 400, 'FIELD_UNKNOWN', 'photos'],
    ['an array body', [valid], 400, 'BODY_INVALID'],
    ['a body that is not JSON', '{"category": ', 400, 'BODY_INVALID_JSON'],
    ['a body over 32 KB', { ...valid, padding: 'x'.repeat(40_000) }, 413, 'PAYLOAD_TOO_LARGE'],
  ]
  /** A refusal of one field lists that one problem, the same as the error itself. */
  const expectListed = (name: string, answer: ErrorAnswer, code: string, field?: string) => {
    const listed = ALONE.has(name) ? undefined : [{ code, message: answer.error.message, field }]
    expect(answer.error.problems).toEqual(listed)
  }

  it.each(json)('refuses %s', async (name, body, status, code, field) => {
    const answer = await expectError(
      await server.postJson('/api/reports', body),
      status,
      code,
      field,
    )
    expectListed(name, answer, code, field)
  })

  it('lists every bad field of a report at once, in the order of the fields', async () => {
    const body = await expectProblems(
      await server.postJson('/api/reports', {
        category: 'smell',
        location: { lon: 112.17, lat: 120 },
        observedAt: 'yesterday',
        description: '   ',
        contact: { name: '名'.repeat(51), phone: 'call me', email: 'li.example.cn' },
      }),
      400,
      [
        ['CATEGORY_INVALID', 'category'],
        ['COORDINATE_OUT_OF_RANGE', 'location.lat'],
        ['OBSERVED_AT_INVALID', 'observedAt'],
        ['PARAMETER_MISSING', 'description'],
        ['CONTACT_INVALID', 'contact.name'],
        ['CONTACT_INVALID', 'contact.phone'],
        ['CONTACT_INVALID', 'contact.email'],
      ],
    )
    expect(body.error.code).toBe('CATEGORY_INVALID')
    expect(body.error.field).toBe('category')
  })

  it('lists a missing field beside the others that are wrong', async () => {
    await expectProblems(
      await server.postJson('/api/reports', {
        location: { lon: 'east', lat: 27.03 },
        observedAt: inDays(-730),
        description: 'a\u0000b',
      }),
      400,
      [
        ['PARAMETER_MISSING', 'category'],
        ['COORDINATE_INVALID', 'location.lon'],
        ['OBSERVED_AT_TOO_OLD', 'observedAt'],
        ['TEXT_INVALID', 'description'],
      ],
    )
  })

  it('lists each bad part of the location', async () => {
    await expectProblems(
      await server.postJson('/api/reports', {
        ...valid,
        location: { lon: 'east', lat: 120, crs: 'EPSG:3857' },
      }),
      400,
      [
        ['CRS_UNSUPPORTED', 'location.crs'],
        ['COORDINATE_INVALID', 'location.lon'],
        ['COORDINATE_OUT_OF_RANGE', 'location.lat'],
      ],
    )
    await expectProblems(
      await server.postJson('/api/reports', { ...valid, location: { lon: true, lat: 'north' } }),
      400,
      [
        ['LOCATION_INVALID', 'location.lon'],
        ['COORDINATE_INVALID', 'location.lat'],
      ],
    )
  })

  it('answers 422 when every problem is a 422', async () => {
    await expectProblems(
      await server.postJson('/api/reports', {
        ...valid,
        observedAt: inDays(1),
        description: '污'.repeat(2001),
      }),
      422,
      [
        ['OBSERVED_AT_IN_FUTURE', 'observedAt'],
        ['DESCRIPTION_TOO_LONG', 'description'],
      ],
    )
  })

  it('answers 400 when a 422 problem leads and a 400 follows', async () => {
    const body = await expectProblems(
      await server.postJson('/api/reports', {
        ...valid,
        observedAt: inDays(-730),
        contact: { phone: 'call me' },
      }),
      400,
      [
        ['OBSERVED_AT_TOO_OLD', 'observedAt'],
        ['CONTACT_INVALID', 'contact.phone'],
      ],
    )
    expect(body.error.code).toBe('OBSERVED_AT_TOO_OLD')
  })

  it('lists the parts of the contact in the order sent, unknown ones too', async () => {
    await expectProblems(
      await server.postJson('/api/reports', {
        ...valid,
        contact: { email: 'li@', wechat: 'li', name: 'Li', phone: '12' },
      }),
      400,
      [
        ['CONTACT_INVALID', 'contact.email'],
        ['FIELD_UNKNOWN', 'contact.wechat'],
        ['CONTACT_INVALID', 'contact.phone'],
      ],
    )
  })

  it('refuses an unknown field alone, whatever else is wrong', async () => {
    const response = await server.postJson('/api/reports', {
      category: 'smell',
      observedAt: 'yesterday',
      anonymous: true,
    })
    const body = await expectError(response, 400, 'FIELD_UNKNOWN', 'anonymous')
    expect(body.error.problems).toBeUndefined()
  })

  it('gives a single bad field the body it gave before, with a list of that one', async () => {
    const response = await server.postJson('/api/reports', {
      ...valid,
      contact: { phone: 'call me' },
    })
    const problem: ErrorProblem = {
      code: 'CONTACT_INVALID',
      message:
        'contact.phone must be a phone number of 6 to 30 digits, spaces and hyphens, ' +
        'starting with a digit or +.',
      field: 'contact.phone',
    }
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: { ...problem, problems: [problem] } })
  })

  it('lists a place outside the zoning as the one problem of a report', async () => {
    const response = await server.postJson('/api/reports', {
      ...valid,
      location: { lon: 100, lat: 30 },
    })
    const body = await expectProblems(response, 422, [['OUTSIDE_COVERAGE', 'location']])
    expect(body.error.message).toBe(
      'The place lies outside the area this zoning covers. Report pollution there to the 12369 ' +
        'hotline.',
    )
  })

  it('accepts the valid report these cases start from', async () => {
    expect((await server.postJson('/api/reports', valid)).status).toBe(201)
  })

  it('refuses a body that is neither JSON nor a form', async () => {
    const response = await fetch(`${server.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'category=water',
    })
    const body = await expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE')
    expect(body.error.problems).toBeUndefined()
  })

  const jpeg = (name: string): PhotoPart => ({ name, type: 'image/jpeg', bytes: jpegWith() })
  const forms: [string, Record<string, unknown>, PhotoPart[], number, string, string?][] = [
    ['four photos', valid, ['a', 'b', 'c', 'd'].map(jpeg), 400, 'PHOTOS_TOO_MANY', 'photos'],
    [
      'a photo in another field',
      valid,
      [{ ...jpeg('a'), field: 'image' }],
      400,
      'FIELD_UNKNOWN',
      'image',
    ],
    [
      'a text file as a photo',
      valid,
      [{ name: 'a.jpg', type: 'image/jpeg', bytes: Buffer.from('hello') }],
      422,
      'PHOTO_INVALID',
      'photos[0]',
    ],
    [
      'an SVG as the second photo',
      valid,
      [jpeg('a'), { name: 'b.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg/>') }],
      422,
      'PHOTO_INVALID',
      'photos[1]',
    ],
    [
      'a small PNG claiming 30,000 × 30,000 pixels',
      valid,
      [{ name: 'bomb.png', type: 'image/png', bytes: pngSized(30_000, 30_000) }],
      422,
      'PHOTO_INVALID',
      'photos[0]',
    ],
    [
      'a PNG without image data (IDAT)',
      valid,
      [
        {
          name: 'empty.png',
          type: 'image/png',
          // The signature and IHDR, then IEND.
          bytes: Buffer.concat([pngWith().subarray(0, 33), pngWith().subarray(-12)]),
        },
      ],
      422,
      'PHOTO_INVALID',
      'photos[0]',
    ],
    [
      'a JPEG of only a frame header',
      valid,
      [
        {
          name: 'frame.jpg',
          type: 'image/jpeg',
          // SOI, an 8 × 8 one-component SOF0, EOI: no tables, no scan.
          bytes: Buffer.from([
            0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0, 0xff, 0xd9,
          ]),
        },
      ],
      422,
      'PHOTO_INVALID',
      'photos[0]',
    ],
    [
      'a photo over 8 MB',
      valid,
      [
        {
          name: 'big.png',
          type: 'image/png',
          bytes: Buffer.concat([pngWith(), Buffer.alloc(8 * 1024 * 1024)]),
        },
      ],
      413,
      'PHOTO_TOO_LARGE',
      'photos[0]',
    ],
    [
      'a second photo over 8 MB',
      valid,
      [
        { name: 'small.png', type: 'image/png', bytes: pngWith() },
        {
          name: 'big.png',
          type: 'image/png',
          bytes: Buffer.concat([pngWith(), Buffer.alloc(8 * 1024 * 1024)]),
        },
      ],
      413,
      'PHOTO_TOO_LARGE',
      'photos[1]',
    ],
    [
      'a location that is not JSON',
      { ...valid, location: '112.1 27' },
      [],
      400,
      'FIELD_INVALID',
      'location',
    ],
    [
      'a contact that is not JSON',
      { ...valid, contact: 'Li' },
      [],
      400,
      'FIELD_INVALID',
      'contact',
    ],
  ]
  it.each(forms)('refuses a form with %s', async (name, fields, photos, status, code, field) => {
    const answer = await expectError(
      await postReportForm(server, fields, photos),
      status,
      code,
      field,
    )
    expectListed(name, answer, code, field)
  })

  it('lists every bad field of a form, its JSON text included', async () => {
    const { category: _, ...noCategory } = valid
    await expectProblems(
      await postReportForm(server, {
        ...noCategory,
        location: '{"lon": 112.17, "lat": 27.03, "lon": 112}',
        description: '污'.repeat(2001),
        contact: 'Li',
      }),
      400,
      [
        ['PARAMETER_MISSING', 'category'],
        ['PARAMETER_REPEATED', 'location.lon'],
        ['DESCRIPTION_TOO_LONG', 'description'],
        ['FIELD_INVALID', 'contact'],
      ],
    )
  })

  it('lists every unreadable photo, apart from the fields read after them', async () => {
    const text = (name: string): PhotoPart => ({
      name,
      type: 'image/jpeg',
      bytes: Buffer.from('not a photo'),
    })
    await expectProblems(
      await postReportForm(server, { ...valid, category: 'smell' }, [
        text('a.jpg'),
        jpeg('b.jpg'),
        text('c.jpg'),
      ]),
      422,
      [
        ['PHOTO_INVALID', 'photos[0]'],
        ['PHOTO_INVALID', 'photos[2]'],
      ],
    )
  })

  it('says photos come as files when a form sends them as text', async () => {
    const response = await postReportForm(server, { ...valid, photos: 'a.jpg' })
    const body = await expectError(response, 400, 'FIELD_UNKNOWN', 'photos')
    expect(body.error.message).toBe(
      'photos must be sent as files (JPEG or PNG) in the form, not as text.',
    )
  })

  it('says a field sent as a file must be text, naming it', async () => {
    const form = new FormData()
    for (const [name, value] of Object.entries(valid)) {
      if (name === 'location') continue
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value))
    }
    const location = new Blob([JSON.stringify(valid.location)], { type: 'application/json' })
    form.append('location', location, 'location.json')
    const response = await fetch(`${server.url}/api/reports`, { method: 'POST', body: form })
    const body = await expectError(response, 400, 'FIELD_UNKNOWN', 'location')
    expect(body.error.message).toBe(
      'location was sent as a file; send it as text. Photos, in the field photos, are the only ' +
        'files a report takes.',
    )
  })

  it('refuses a form with a field given twice', async () => {
    const form = new FormData()
    for (const [name, value] of Object.entries(valid)) {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value))
    }
    form.append('category', 'air')
    const response = await fetch(`${server.url}/api/reports`, { method: 'POST', body: form })
    const body = await expectError(response, 400, 'PARAMETER_REPEATED', 'category')
    expect(body.error.problems).toBeUndefined()
  })

  describe('text that is not UTF-8', () => {
    const post = (body: Buffer, type: string) =>
      fetch(`${server.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: new Uint8Array(body),
      })
    const gbk = (value: unknown) => iconv.encode(JSON.stringify(value), 'gbk')
    const before = async () => await server.db.query('SELECT count(*)::int AS n FROM reports')

    it('refuses JSON in GBK, naming the field, and stores nothing', async () => {
      const stored = await before()
      const description = await expectError(
        await post(gbk({ ...valid, description: '工厂烟囱冒黑烟' }), 'application/json'),
        400,
        'TEXT_NOT_UTF8',
        'description',
      )
      expect(description.error.message).toBe(
        'description holds bytes that are not UTF-8 text, or U+FFFD, the mark a decoder leaves ' +
          'in their place; send the original text in UTF-8.',
      )
      await expectError(
        await post(
          gbk({ ...valid, description: 'Black smoke.', contact: { name: '李明' } }),
          'application/json',
        ),
        400,
        'TEXT_NOT_UTF8',
        'contact.name',
      )
      expect(await before()).toEqual(stored)
    })

    it('refuses JSON declared in another charset, and takes utf-8 in any spelling', async () => {
      const text = Buffer.from(JSON.stringify(valid))
      const refused = await expectError(
        await post(text, 'application/json; charset=gbk'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      )
      expect(refused.error.message).toBe(
        'A JSON body is UTF-8; charset=gbk is not read. Send it in UTF-8.',
      )
      for (const charset of ['UTF-8', 'utf8']) {
        expect((await post(text, `application/json; charset=${charset}`)).status).toBe(201)
      }
    })

    it('refuses a form field in GBK, declared so or not, naming it', async () => {
      for (const declared of ['', 'Content-Type: text/plain; charset=gbk\r\n']) {
        const fields = Object.entries({ ...valid, description: '工厂烟囱冒黑烟' })
        const parts = fields.map(([name, v]) =>
          Buffer.concat([
            Buffer.from(`--x\r\nContent-Disposition: form-data; name="${name}"\r\n`),
            Buffer.from(`${name === 'description' ? declared : ''}\r\n`),
            iconv.encode(typeof v === 'string' ? v : JSON.stringify(v), 'gbk'),
            Buffer.from('\r\n'),
          ]),
        )
        const stored = await before()
        const body = Buffer.concat([...parts, Buffer.from('--x--\r\n')])
        const response = await post(body, 'multipart/form-data; boundary=x')
        await expectError(response, 400, 'TEXT_NOT_UTF8', 'description')
        expect(await before()).toEqual(stored)
      }
    })
  })

  it('refuses a form whose declared length passes the limit before reading it', async () => {
    const response = await fetch(`${server.url}/api/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(40 * 1024 * 1024),
      },
      body: '--x--',
    }).catch((error: unknown) => error)
    // The server may answer before the body it will not read has been sent.
    if (response instanceof Response) await expectError(response, 413, 'PAYLOAD_TOO_LARGE')
  })

  it('accepts a form with three photos and the location as JSON text', async () => {
    const response = await postReportForm(server, valid, ['a', 'b', 'c'].map(jpeg))
    expect(response.status).toBe(201)
  })

  const lookups: [string, number, string][] = [
    ['12345', 400, 'TRACKING_CODE_INVALID'],
    ['ABCDE-FGHJK-MNPQR-STVW%21', 400, 'TRACKING_CODE_INVALID'],
    ['00000-00000-00000-00000', 404, 'REPORT_NOT_FOUND'],
  ]
  it.each(lookups)('answers GET /api/reports/%s with %i', async (code, status, errorCode) => {
    await expectError(await server.get(`/api/reports/${code}`), status, errorCode, 'code')
  })

  it('answers other methods on the tracking address with 405', async () => {
    const response = await fetch(`${server.url}/api/reports/00000-00000-00000-00000`, {
      method: 'DELETE',
    })
    expect(response.status).toBe(405)
  })
})
