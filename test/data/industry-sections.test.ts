import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../server/config.ts'
import { divisionProblem, sectionOfDivision } from '../../server/data/industry-sections.ts'

describe('the sections of GB/T 4754-2017', () => {
  it('give each division 01 to 97 one section, in letter order, and none to 00, 98 or 99', () => {
    const sections = Array.from({ length: 97 }, (_, i) => sectionOfDivision(i + 1))
    expect(sections.every((s) => s !== undefined)).toBe(true)
    // Sections follow each other as the divisions do: A's first, T's last, no letter twice.
    const runs = sections.filter((s, i) => s !== sections[i - 1])
    expect(runs.join('')).toBe('ABCDEFGHIJKLMNOPQRST')
    expect([0, 98, 99].map(sectionOfDivision)).toEqual([undefined, undefined, undefined])
  })

  it('agree with every division of the sample catalogue', async () => {
    const file = path.join(REPO_ROOT, 'data/sample/industries.json')
    const industries = JSON.parse(await readFile(file, 'utf8')) as { code: string }[]
    const divisions = industries.filter((i) => i.code.length === 3).map((i) => i.code)
    expect(divisions).toHaveLength(97)
    expect(divisions.filter((code) => divisionProblem(code) !== undefined)).toEqual([])
  })

  it('leave sections alone and hold groups and classes to their division', () => {
    expect(divisionProblem('Q')).toBeUndefined()
    expect(divisionProblem('C2614')).toBeUndefined()
    expect(divisionProblem('B0610')).toBeUndefined()
    expect(divisionProblem('B1310')).toBe(
      'B1310: division 13 is in section C of GB/T 4754-2017, not B.',
    )
  })
})
