import { describe, expect, it } from 'vitest'
import { HttpError } from '../../server/http/http-error.ts'
import { parseTileAddress, tileBounds } from '../../server/tiles/tile-address.ts'

const errorOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as HttpError
  }
  throw new Error('expected a throw')
}

describe('tile address', () => {
  it('parses whole numbers inside the grid of their zoom', () => {
    expect(parseTileAddress('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 })
    expect(parseTileAddress('14', '13312', '6912')).toEqual({ z: 14, x: 13312, y: 6912 })
  })

  it('rejects a column or row at 2^z with the valid range in the message', () => {
    const error = errorOf(() => parseTileAddress('3', '8', '0'))
    expect(error.status).toBe(400)
    expect(error.field).toBe('x')
    expect(error.message).toBe('x must be between 0 and 7 at zoom 3, got 8.')
  })

  it('says the grid for a number too long to be in it, echoing a long one short', () => {
    const digits = '9'.repeat(16_000)
    const x = errorOf(() => parseTileAddress('3', digits, '0'))
    expect([x.status, x.code, x.field]).toEqual([400, 'TILE_OUT_OF_RANGE', 'x'])
    expect(x.message).toBe(`x must be between 0 and 7 at zoom 3, got ${'9'.repeat(20)}….`)
    const z = errorOf(() => parseTileAddress('99999999999', '0', '0'))
    expect(z.message).toBe('z must be between 0 and 24, got 99999999999.')
    const junk = errorOf(() => parseTileAddress('3', `${'a'.repeat(100)}`, '0'))
    expect(junk.code).toBe('TILE_ADDRESS_INVALID')
    expect(junk.message).toBe(`x must be a whole number, got "${'a'.repeat(20)}…".`)
  })

  it('says a padded z, x or y must be written without leading zeros', () => {
    for (const [z, x, y, field, value] of [
      ['01', '0', '0', 'z', '01'],
      ['3', '007', '0', 'x', '007'],
      ['3', '0', '00', 'y', '00'],
    ]) {
      const error = errorOf(() => parseTileAddress(z!, x!, y!))
      expect([error.status, error.code, error.field]).toEqual([400, 'TILE_ADDRESS_INVALID', field])
      expect(error.message).toBe(`${field} must be written without leading zeros, got "${value}".`)
    }
  })

  it('says a negative z, x or y must be 0 or more', () => {
    for (const [z, x, y, field, value] of [
      ['-1', '0', '0', 'z', '-1'],
      ['3', '-1', '0', 'x', '-1'],
      ['3', '0', '-12', 'y', '-12'],
    ]) {
      const error = errorOf(() => parseTileAddress(z!, x!, y!))
      expect([error.status, error.code, error.field]).toEqual([400, 'TILE_ADDRESS_INVALID', field])
      expect(error.message).toBe(`${field} must be 0 or more, got ${value}.`)
    }
    const long = errorOf(() => parseTileAddress('3', `-${'9'.repeat(100)}`, '0'))
    expect(long.message).toBe(`x must be 0 or more, got -${'9'.repeat(19)}….`)
    // Not a plain negative number: no number at all.
    for (const x of ['-0', '-01', '--1', '-1.5']) {
      expect(errorOf(() => parseTileAddress('3', x, '0')).message).toBe(
        `x must be a whole number, got "${x}".`,
      )
    }
  })

  it.each([['-1'], ['1.0'], ['1e3'], [' 1'], ['0x10'], ['']])('rejects %j as a zoom', (z) => {
    expect(errorOf(() => parseTileAddress(z, '0', '0')).code).toBe('TILE_ADDRESS_INVALID')
  })

  it('gives the whole world for tile 0/0/0 and a quarter for 1/1/1', () => {
    const [w, s, e, n] = tileBounds({ z: 0, x: 0, y: 0 })
    expect([w, e]).toEqual([-180, 180])
    expect(n).toBeCloseTo(85.0511287798, 9)
    expect(s).toBeCloseTo(-85.0511287798, 9)
    expect(tileBounds({ z: 1, x: 1, y: 1 })).toEqual([0, -n, 180, 0])
  })
})
