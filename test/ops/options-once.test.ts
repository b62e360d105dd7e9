import { describe, expect, it } from 'vitest'
import { readOptionsOnce } from '../../server/ops/options-once.ts'

const OPTIONS = {
  layer: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

describe('reading options that may each be given once', () => {
  it('gives values, flags and positionals as parseArgs reads them', () => {
    expect(readOptionsOnce(['a.json', '--layer=x', '--force', 'b'], OPTIONS)).toEqual({
      values: { layer: 'x', force: true },
      positionals: ['a.json', 'b'],
      repeated: undefined,
    })
  })

  it('tells of a value option given twice, in either spelling, and keeps reading', () => {
    const read = readOptionsOnce(['--layer', 'x', '-h', '--layer=y'], OPTIONS)
    expect(read).toEqual({
      values: { layer: 'x', help: true },
      positionals: [],
      repeated: '--layer is given twice.',
    })
  })

  it('takes a flag given twice as given once', () => {
    const read = readOptionsOnce(['--force', '--force'], OPTIONS)
    expect(read).toEqual({ values: { force: true }, positionals: [], repeated: undefined })
  })

  it('takes a negative number after a value option as its value, and not after --', () => {
    const read = readOptionsOnce(['--minzoom', '-1', '--force', '--', '--minzoom', '-2'], {
      minzoom: { type: 'string' },
      force: { type: 'boolean' },
    })
    expect(read).toEqual({
      values: { minzoom: '-1', force: true },
      positionals: ['--minzoom', '-2'],
      repeated: undefined,
    })
  })

  it("passes on parseArgs' own refusals", () => {
    expect(readOptionsOnce(['--colour', 'red'], OPTIONS)).toEqual({
      problem: expect.stringContaining("Unknown option '--colour'"),
    })
    expect(readOptionsOnce(['--layer'], OPTIONS)).toEqual({
      problem: expect.stringContaining("Option '--layer <value>' argument missing"),
    })
  })
})
