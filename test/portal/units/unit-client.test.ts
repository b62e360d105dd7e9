import { describe, expect, it } from 'vitest'
import {
  isUnitAnswer,
  readUnitResponse,
  unitCodeFromPath,
  unitPagePath,
} from '../../../portal/src/units/unit-client.ts'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

const unit = {
  code: 'ZH43040720001',
  name: '衡阳松木经济开发区重点管控单元',
  class: 'key',
  district_adcode: 430407,
  district_name: '石鼓区',
  area_km2: 16.833252,
  bbox: [112.58, 26.95, 112.63, 26.99],
  point: [112.6, 26.97],
  zones: [],
  rules: [],
}
const error = (code: string) => ({ error: { code, message: 'm', field: 'code' } })

describe('unitCodeFromPath', () => {
  it('reads the code of a unit page address, decoded and in upper case', () => {
    expect(unitCodeFromPath('/units/ZH43040720001/')).toBe('ZH43040720001')
    expect(unitCodeFromPath('/units/zh43040720001')).toBe('ZH43040720001')
    expect(unitCodeFromPath('/units/%20ZH43040720001%20/')).toBe('ZH43040720001')
  })

  it('is empty when the address names no code, and keeps a broken escape as it came', () => {
    expect(unitCodeFromPath('/units/')).toBe('')
    expect(unitCodeFromPath('/')).toBe('')
    expect(unitCodeFromPath('/units/a/b/')).toBe('')
    expect(unitCodeFromPath('/units/%E0%A4%A/')).toBe('%E0%A4%A')
  })
})

describe('unitPagePath', () => {
  it('is the canonical address, the code escaped', () => {
    expect(unitPagePath('ZH43040720001')).toBe('/units/ZH43040720001/')
    expect(unitPagePath('a/b')).toBe('/units/a%2Fb/')
  })
})

describe('readUnitResponse', () => {
  it('finds the unit of a 200 answer', async () => {
    expect(await readUnitResponse(json(200, unit), unit.code)).toEqual({ kind: 'found', unit })
  })

  it('reads the API’s 404 and 400 as not found and invalid', async () => {
    expect(await readUnitResponse(json(404, error('UNIT_NOT_FOUND')), 'ZH1')).toEqual({
      kind: 'not-found',
      code: 'ZH1',
    })
    expect(await readUnitResponse(json(400, error('UNIT_CODE_INVALID')), 'x')).toEqual({
      kind: 'invalid',
      code: 'x',
    })
  })

  it('fails on any other answer, or a body that is not a unit', async () => {
    const failed = { kind: 'failed', reason: 'server' }
    expect(await readUnitResponse(json(503, error('QUERY_TIMEOUT')), unit.code)).toEqual(failed)
    expect(await readUnitResponse(json(404, error('NOT_FOUND')), unit.code)).toEqual(failed)
    expect(await readUnitResponse(json(200, { ...unit, bbox: [1, 2] }), unit.code)).toEqual(failed)
    expect(await readUnitResponse(new Response('<html>', { status: 200 }), unit.code)).toEqual(
      failed,
    )
  })
})

describe('isUnitAnswer', () => {
  it('needs the fields the page draws from', () => {
    expect(isUnitAnswer(unit)).toBe(true)
    expect(isUnitAnswer({ ...unit, rules: undefined })).toBe(false)
    expect(isUnitAnswer({ ...unit, point: [112, Number.NaN] })).toBe(false)
    expect(isUnitAnswer(null)).toBe(false)
  })
})
