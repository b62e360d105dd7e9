import { describe, expect, it } from 'vitest'
import { displayWidth, padColumns } from '../../server/staff/terminal-columns.ts'

describe('terminal columns', () => {
  it.each([
    ['zhao', 4],
    ['赵科员', 6],
    ['张科长 (ops)', 12],
    ['ＡＢ', 4],
    ['𠀀', 2],
    ['', 0],
  ])('%j takes %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns)
  })

  it('pads to the same column whatever the script', () => {
    const names = ['赵科员', 'zhao', '张科长 (ops)']
    const padded = names.map((name) => `${padColumns(name, 16)}|`)
    for (const line of padded) expect(displayWidth(line)).toBe(17)
  })

  it('leaves a text longer than the columns as it is', () => {
    expect(padColumns('很长很长很长的名字', 8)).toBe('很长很长很长的名字')
  })
})
