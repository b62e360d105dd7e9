import { describe, expect, it } from 'vitest'
import { csvCell } from '../../server/staff/report-csv.ts'

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['|calc', "'|calc"],
    ['\tleading tab', "'\tleading tab"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
  ])('makes %j inert', (text, cell) => {
    expect(csvCell(text)).toBe(cell)
  })

  it('quotes a cell that holds the separator, a quote or a line end, after the prefix', () => {
    expect(csvCell('=A1,"x"\n')).toBe(`"'=A1,""x""\n"`)
    expect(csvCell('\rline')).toBe(`"'\rline"`)
  })

  it('leaves other text, numbers and absent values as they are', () => {
    expect(csvCell('排污口 = 夜间')).toBe('排污口 = 夜间')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })
})
