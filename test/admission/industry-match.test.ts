import { describe, expect, it } from 'vitest'
import { industryMatch, isIndustryCode } from '../../server/admission/industry-match.ts'

describe('industry match', () => {
  it('applies a rule on a division to its classes', () => {
    expect(industryMatch(['C26'], 'C2614')).toBe('applies')
  })

  it('applies a rule on a section to every code in it', () => {
    expect(industryMatch(['C'], 'C3211')).toBe('applies')
  })

  it('says a rule on a class may apply to a project declared as its division', () => {
    expect(industryMatch(['C2614'], 'C26')).toBe('may_apply')
  })

  it('applies a rule without industries to all', () => {
    expect(industryMatch([], 'A0313')).toBe('applies')
  })

  it('leaves unrelated codes unmatched, including look-alike prefixes across levels', () => {
    expect(industryMatch(['C26'], 'C2711')).toBeUndefined()
    expect(industryMatch(['C32'], 'C3120')).toBeUndefined()
    expect(industryMatch(['A03'], 'A0313')).toBe('applies')
  })

  it.each([
    ['C', true],
    ['C26', true],
    ['C261', true],
    ['C2614', true],
    ['C26141', false],
    ['C2', false],
    ['U26', false],
    ['c26', false],
    ['26', false],
  ])('%s is a GB/T 4754 code: %s', (code, valid) => {
    expect(isIndustryCode(code)).toBe(valid)
  })
})
