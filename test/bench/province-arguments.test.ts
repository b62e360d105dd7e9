import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseProvinceArguments } from '../../scripts/province/province-arguments.ts'

const ROOT = '/srv/ecozoning'
const parse = (...argv: string[]) => parseProvinceArguments(argv, ROOT, {})

describe('the province builder command line', () => {
  it('takes the defaults, and each option once', () => {
    expect(parse()).toEqual({
      units: 20_000,
      seed: 1,
      spacingM: 200,
      citiesFile: path.resolve('/srv/ecozoning/data/reference/hunan-cities.gcj02.geojson'),
      outFile: path.resolve('/srv/ecozoning/.data/province/control_units.geojson'),
      postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      into: undefined,
    })
    expect(parse('--units', '500', '--seed', '7', '--into', 'postgres://db/x')).toMatchObject({
      units: 500,
      seed: 7,
      into: 'postgres://db/x',
    })
  })

  it('refuses an option given twice, a stray argument and a bad value, naming it', () => {
    expect(parse('--units', '500', '--units', '900')).toEqual({
      problem: '--units is given twice.',
    })
    expect(parse('500')).toEqual({
      problem: 'Unexpected argument "500": every value follows its option.',
    })
    expect(parse('--seed', '-1')).toHaveProperty('problem')
    expect(parse('--spacing', '5')).toEqual({
      problem: '--spacing takes a whole number from 10 to 100000, got "5".',
    })
    expect(parse('--into', 'mysql://db')).toEqual({
      problem: '--into takes a postgres:// URL, got "mysql://db".',
    })
    expect(parse('--help', '--units', '1', '--units', '2')).toBe('help')
  })
})
