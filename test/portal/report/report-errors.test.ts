import { describe, expect, it } from 'vitest'
import { en } from '../../../portal/src/i18n/en.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'
import { readReportResponse } from '../../../portal/src/report/report-client.ts'
import {
  controlOfField,
  problemMessage,
  refusalMessage,
  refusalMessages,
  trackRefusalText,
} from '../../../portal/src/report/report-errors.ts'

const f = zh.reportForm

describe('report errors', () => {
  it('puts each field the API names beside its control', () => {
    expect(controlOfField('category')).toBe('category')
    expect(controlOfField('location')).toBe('place')
    expect(controlOfField('location.lat')).toBe('place')
    expect(controlOfField('location.crs')).toBe('datum')
    expect(controlOfField('observedAt')).toBe('observedAt')
    expect(controlOfField('photos[2]')).toBe('photos')
    expect(controlOfField('contact.phone')).toBe('contactPhone')
    expect(controlOfField('toString')).toBeUndefined()
    expect(controlOfField('photos[x]')).toBeUndefined()
    expect(controlOfField(undefined)).toBeUndefined()
  })

  it('explains refusals in the interface words, the API message as detail', () => {
    const outside = refusalMessage(
      { status: 422, code: 'OUTSIDE_COVERAGE', message: 'outside', field: 'location' },
      zh,
    )
    expect(outside).toEqual({
      control: 'place',
      text: f.errors.OUTSIDE_COVERAGE,
      detail: 'outside',
    })

    const photo = refusalMessage({ status: 422, code: 'PHOTO_INVALID', field: 'photos[1]' }, zh)
    expect(photo.text).toBe(f.photoNumber('2') + f.errors.PHOTO_INVALID)

    const missing = refusalMessage(
      { status: 400, code: 'PARAMETER_MISSING', field: 'description' },
      zh,
    )
    expect(missing.text).toBe(f.problems['description-missing'])
    expect(refusalMessage({ status: 400, code: 'SOMETHING_NEW' }, zh)).toEqual({
      control: undefined,
      text: f.errorOther,
    })
    const limited = refusalMessage({ status: 429, code: 'RATE_LIMITED', retryAfter: 61 }, zh)
    expect(limited.text).toBe(f.errors.RATE_LIMITED + f.retryAfter('2'))
  })

  it('shows every problem a refusal lists, each beside its control, in both languages', () => {
    const refusal = {
      status: 400,
      code: 'COORDINATE_OUT_OF_RANGE',
      message: 'location.lat must be between -90 and 90, got 95.',
      field: 'location.lat',
      problems: [
        {
          code: 'COORDINATE_OUT_OF_RANGE',
          message: 'location.lat must be between -90 and 90, got 95.',
          field: 'location.lat',
        },
        { code: 'OBSERVED_AT_TOO_OLD', message: 'too old', field: 'observedAt' },
        { code: 'PARAMETER_MISSING', message: 'missing', field: 'description' },
        { code: 'CONTACT_INVALID', message: 'phone', field: 'contact.phone' },
        { code: 'CONTACT_INVALID', message: 'email', field: 'contact.email' },
        { code: 'PHOTO_INVALID', message: 'photo', field: 'photos[2]' },
      ],
    }
    expect(refusalMessages(refusal, zh)).toEqual([
      {
        control: 'place',
        text: '经纬度超出范围：经度在前、纬度在后，纬度在 -90 至 90 之间。',
        detail: 'location.lat must be between -90 and 90, got 95.',
      },
      {
        control: 'observedAt',
        text: '发现时间超过一年，较早的问题请拨打 12369 反映。',
        detail: 'too old',
      },
      { control: 'description', text: '请描述看到的情况。', detail: 'missing' },
      {
        control: 'contactPhone',
        text: '电话号码的格式不正确：只能有数字、空格和连字符，如 0734-1234567。',
        detail: 'phone',
      },
      {
        control: 'contactEmail',
        text: '电子邮箱的格式不正确，应如 name@example.com。',
        detail: 'email',
      },
      {
        control: 'photos',
        text: '第 3 张照片：无法读取这张照片，请上传 JPEG 或 PNG 格式的照片。',
        detail: 'photo',
      },
    ])
    expect(refusalMessages(refusal, en).map((message) => message.text)).toEqual([
      'The longitude or latitude is out of range: longitude comes first and latitude second, ' +
        'and latitude lies between -90 and 90.',
      'The time is more than a year ago; for older problems, please call 12369.',
      'Please describe what is happening.',
      'The phone number is not in a valid form: use digits, spaces and hyphens only, for ' +
        'example 0734-1234567.',
      'The email address is not in a valid form; it should look like name@example.com.',
      'Photo 3: This photo cannot be read; please upload a JPEG or PNG photo.',
    ])
  })

  it('shows a refusal that lists no problems as its one message', () => {
    const limited = { status: 429, code: 'RATE_LIMITED', message: 'slow down', retryAfter: 61 }
    expect(refusalMessages(limited, zh)).toEqual([
      {
        control: undefined,
        text: f.errors.RATE_LIMITED + f.retryAfter('2'),
        detail: 'slow down',
      },
    ])
    const empty = { status: 400, code: 'FIELD_UNKNOWN', field: 'anonymous', problems: [] }
    expect(refusalMessages(empty, zh)).toEqual([{ control: undefined, text: f.errorOther }])
  })

  it('places the form problems beside their controls', () => {
    expect(problemMessage('description-too-long', zh)).toEqual({
      control: 'description',
      text: f.problems['description-too-long'],
    })
    expect(problemMessage('photo-type', zh).control).toBe('photos')
  })

  it('explains lookup refusals', () => {
    expect(trackRefusalText({ status: 404, code: 'REPORT_NOT_FOUND' }, zh)).toBe(
      f.errors.REPORT_NOT_FOUND,
    )
    expect(trackRefusalText({ status: 400, code: 'FIELD_UNKNOWN' }, zh)).toBe(
      zh.reportTrack.errorOther,
    )
  })

  it('reads a refusal with its Retry-After, and a 5xx as a server failure', async () => {
    const body = { error: { code: 'RATE_LIMITED', message: 'slow down' } }
    const refused = await readReportResponse(
      new Response(JSON.stringify(body), { status: 429, headers: { 'retry-after': '120' } }),
    )
    expect(refused).toEqual({
      kind: 'refused',
      status: 429,
      code: 'RATE_LIMITED',
      message: 'slow down',
      retryAfter: 120,
    })
    const listed = {
      error: {
        code: 'CATEGORY_INVALID',
        message: 'category must be one of …',
        field: 'category',
        problems: [
          { code: 'CATEGORY_INVALID', message: 'category must be one of …', field: 'category' },
          { code: 'CONTACT_INVALID', message: 'contact.phone must be …', field: 'contact.phone' },
          'not a problem',
          { code: 7, message: 'a code that is no text' },
        ],
      },
    }
    expect(await readReportResponse(new Response(JSON.stringify(listed), { status: 400 }))).toEqual(
      {
        kind: 'refused',
        status: 400,
        code: 'CATEGORY_INVALID',
        message: 'category must be one of …',
        field: 'category',
        problems: [
          { code: 'CATEGORY_INVALID', message: 'category must be one of …', field: 'category' },
          { code: 'CONTACT_INVALID', message: 'contact.phone must be …', field: 'contact.phone' },
          { message: 'a code that is no text' },
        ],
      },
    )
    expect(await readReportResponse(new Response('{}', { status: 503 }))).toEqual({
      kind: 'failed',
      reason: 'server',
    })
    expect(await readReportResponse(new Response('{"ok":1}', { status: 201 }))).toEqual({
      kind: 'failed',
      reason: 'server',
    })
  })
})
