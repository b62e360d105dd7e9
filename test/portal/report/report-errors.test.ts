import { describe, expect, it } from 'vitest'
import { zh } from '../../../portal/src/i18n/zh.ts'
import { readReportResponse } from '../../../portal/src/report/report-client.ts'
import {
  controlOfField,
  problemMessage,
  refusalMessage,
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
