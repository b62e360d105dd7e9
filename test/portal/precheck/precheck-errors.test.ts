import { describe, expect, it } from 'vitest'
import { en } from '../../../portal/src/i18n/en.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'
import {
  controlOfField,
  problemMessage,
  refusalMessage,
  refusalMessages,
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
    const message =
      'industry C1311 is not in the industry catalogue loaded here; ' +
      'GET /api/industries?q= searches it.'
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

describe('refusalMessages', () => {
  const wkt = 'wkt is not valid WKT: expected ")" but found the end of the text.'
  const refusal = {
    status: 400,
    code: 'WKT_INVALID',
    message: wkt,
    field: 'wkt',
    problems: [
      { code: 'WKT_INVALID', message: wkt, field: 'wkt' },
      { code: 'PARAMETER_MISSING', message: 'industry is required.', field: 'industry' },
      { code: 'PROJECT_KIND_INVALID', message: 'kind', field: 'projectKind' },
      { code: 'CRS_UNSUPPORTED', message: 'crs', field: 'crs' },
      { code: 'SITE_FIELDS_CONFLICT', message: 'twice', field: 'kml' },
    ],
  }

  it('shows every problem a refusal lists, each beside its control, in the API order', () => {
    expect(refusalMessages(refusal, zh)).toEqual([
      { control: 'site', text: '无法读取输入的 WKT。', detail: wkt },
      {
        control: 'industry',
        text: '请选择行业：输入名称或代码后从列表中选择。',
        detail: 'industry is required.',
      },
      { control: 'projectKind', text: '请选择项目类型。', detail: 'kind' },
      { control: 'crs', text: '不支持这个坐标系。', detail: 'crs' },
      { control: 'site', text: '提交的内容有误。', detail: 'twice' },
    ])
  })

  it('has the same in English', () => {
    expect(refusalMessages(refusal, en).map((message) => message.text)).toEqual([
      'The WKT cannot be read.',
      'Please choose an industry: type a name or code and pick it from the list.',
      'Please choose the kind of project.',
      'This coordinate system is not supported.',
      'Something in the submission is not right.',
    ])
  })

  it('shows a refusal that lists no problems as its one message', () => {
    const complex = { status: 413, code: 'SITE_TOO_COMPLEX', message: 'big', field: 'geometry' }
    expect(refusalMessages(complex, zh)).toEqual([
      { control: 'site', text: p.errors.SITE_TOO_COMPLEX, detail: 'big' },
    ])
    const empty = { status: 400, code: 'FIELD_UNKNOWN', field: 'projectkind', problems: [] }
    expect(refusalMessages(empty, zh)).toEqual([{ control: undefined, text: p.errorOther }])
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
