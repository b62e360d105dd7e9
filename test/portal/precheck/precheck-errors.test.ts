import { describe, expect, it } from 'vitest'
import { zh } from '../../../portal/src/i18n/zh.ts'
import {
  controlOfField,
  problemMessage,
  refusalMessage,
} from '../../../portal/src/precheck/precheck-errors.ts'
import { CHECK_ERRORS, FORM_PROBLEMS } from '../../../portal/src/precheck/precheck-terms.ts'

const p = zh.precheck

describe('controlOfField', () => {
  it('puts every site field, the file included, beside the site', () => {
    for (const field of ['geometry', 'wkt', 'kml', 'boundaryPoints', 'file']) {
      expect(controlOfField(field)).toBe('site')
    }
  })

  it('names the other controls by their fields, and nothing for unknown ones', () => {
    expect(controlOfField('industry')).toBe('industry')
    expect(controlOfField('crs')).toBe('crs')
    expect(controlOfField('projectKind')).toBe('projectKind')
    expect(controlOfField('id')).toBeUndefined()
    expect(controlOfField(undefined)).toBeUndefined()
  })
})

describe('refusalMessage', () => {
  it('explains a known code in Chinese and keeps the API message as the detail', () => {
    const message = 'industry C1311 is not in the GB/T 4754-2017 catalogue.'
    expect(refusalMessage({ code: 'INDUSTRY_UNKNOWN', message, field: 'industry' }, zh)).toEqual({
      control: 'industry',
      text: p.errors.INDUSTRY_UNKNOWN,
      detail: message,
    })
  })

  it('says which thing is missing for a missing industry or site', () => {
    const missing = (field: string) => refusalMessage({ code: 'PARAMETER_MISSING', field }, zh)
    expect(missing('industry')).toEqual({
      control: 'industry',
      text: p.problems['industry-missing'],
    })
    expect(missing('geometry')).toEqual({ control: 'site', text: p.siteMissing })
  })

  it('has a general text for a code it does not know, placed nowhere in particular', () => {
    expect(refusalMessage({ code: 'SOMETHING_NEW', message: 'x' }, zh)).toEqual({
      control: undefined,
      text: p.errorOther,
      detail: 'x',
    })
  })

  it('has Chinese text for every code it lists', () => {
    for (const code of CHECK_ERRORS) expect(p.errors[code]).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('problemMessage', () => {
  it('puts each problem beside the control it is about', () => {
    const controls = Object.fromEntries(
      FORM_PROBLEMS.map((problem) => [problem, problemMessage(problem, zh).control]),
    )
    expect(controls).toEqual({
      'industry-missing': 'industry',
      'draw-empty': 'site',
      'draw-unfinished': 'site',
      'file-missing': 'site',
      'file-too-large': 'site',
      'text-missing': 'site',
      'text-unrecognised': 'site',
      'gauss-kruger-missing': 'crs',
    })
    expect(problemMessage('file-missing', zh).text).toBe(p.problems['file-missing'])
  })
})
