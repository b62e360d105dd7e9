import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AdmissionRequest } from '../../server/admission/admission-request.ts'
import { canonicalJson, checkInputOf, inputSha256 } from '../../server/admission/check-input.ts'
import { HttpError } from '../../server/http/http-error.ts'

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

/** A read request with only what the input hash looks at. */
function requestOf(source: { field: string; value: unknown }, crs = 'EPSG:4326') {
  return {
    siteSource: source,
    siteInput: { crs: { code: crs } },
    industry: 'C2614',
    projectKind: 'new',
  } as unknown as AdmissionRequest
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops whitespace', () => {
    const value = { b: [1, { z: true, a: null }], a: 'x' }
    expect(canonicalJson(value)).toBe('{"a":"x","b":[1,{"a":null,"z":true}]}')
  })

  it('orders keys by UTF-16 code units, as RFC 8785 does, not by code points', () => {
    // U+1F600 (😀) is the surrogate pair D83D DE00, which sorts before U+FF61 (｡).
    expect(canonicalJson({ '｡': 1, '😀': 2, z: 3 })).toBe('{"z":3,"😀":2,"｡":1}')
  })

  it('writes numbers in their shortest form', () => {
    expect(canonicalJson([1.0, 112.03, 1e21, -0.5])).toBe('[1,112.03,1e+21,-0.5]')
  })

  it('leaves out undefined members', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
  })

  it('refuses values nested beyond any geometry', () => {
    const deep = JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown
    expect(() => canonicalJson(deep)).toThrow(RangeError)
  })
})

describe('the input hash', () => {
  it('is the sha256 of the canonical input', () => {
    const request = requestOf({ field: 'wkt', value: 'POINT (112.03 27.03)' })
    const canonical =
      '{"crs":"EPSG:4326","industry":"C2614","projectKind":"new",' +
      '"site":{"field":"wkt","value":"POINT (112.03 27.03)"}}'
    expect(inputSha256(checkInputOf(request))).toBe(sha256(canonical))
  })

  it('takes a file by the sha256 of its bytes', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff])
    const input = checkInputOf(requestOf({ field: 'file', value: bytes }, 'EPSG:4526'))
    expect(input.site).toEqual({ field: 'file', bytes_sha256: sha256(bytes) })
    const canonical =
      '{"crs":"EPSG:4526","industry":"C2614","projectKind":"new",' +
      `"site":{"bytes_sha256":"${sha256(bytes)}","field":"file"}}`
    expect(inputSha256(input)).toBe(sha256(canonical))
  })

  it('differs with the crs', () => {
    const site = { field: 'boundaryPoints', value: 'J1, 3000000, 38500000' }
    const a = inputSha256(checkInputOf(requestOf(site, 'EPSG:4526')))
    const b = inputSha256(checkInputOf(requestOf(site, 'EPSG:4547')))
    expect(a).not.toBe(b)
  })

  it('answers a 422 for a site nested beyond any geometry', () => {
    const deep = JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown
    const input = checkInputOf(requestOf({ field: 'geometry', value: { type: 'Point', x: deep } }))
    const error = (() => {
      try {
        return inputSha256(input)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 422, field: 'geometry' })
  })
})
