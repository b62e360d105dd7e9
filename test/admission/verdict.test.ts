import { describe, expect, it } from 'vitest'
import { decideVerdict } from '../../server/admission/verdict.ts'
import type { RuleInForce } from '../../server/zoning/access-list.ts'
import { ruleOf } from '../support/rules.ts'

const rule = (overrides: Partial<RuleInForce>): RuleInForce =>
  ruleOf({
    unit_code: 'ZH43040720001',
    trigger: { kind: 'unit', unit_code: 'ZH43040720001' },
    ...overrides,
  } as RuleInForce)

describe('verdict', () => {
  it('is consistent when no rule is in force', () => {
    const result = decideVerdict([], 'C2614', 'new')
    expect(result.verdict).toBe('consistent')
    expect(result.rules).toEqual([])
  })

  it('is forbidden by a forbidding rule on the project industry', () => {
    const result = decideVerdict([rule({ code: 'F', industries: ['C26'] })], 'C2614', 'new')
    expect(result.verdict).toBe('forbidden')
    expect(result.reasons[0]).toContain('F')
  })

  it('is conditional when a forbidding rule names only a narrower class', () => {
    const result = decideVerdict([rule({ industries: ['C2614'] })], 'C26', 'new')
    expect(result.verdict).toBe('conditional')
    expect(result.rules[0]!.match).toBe('may_apply')
  })

  it('names only the classes within the declared industry; a narrower rule may apply', () => {
    const forbid = rule({ code: 'R1', industries: ['C2710', 'C263', 'C2521'] })
    const restrict = rule({ code: 'R2', effect: 'restrict', industries: ['C2614', 'B06'] })
    const result = decideVerdict([forbid, restrict], 'C26', 'new')
    expect(result.verdict).toBe('conditional')
    expect(result.reasons[0]).toContain('(C263)')
    expect(result.reasons[0]).not.toMatch(/C2710|C2521/)
    expect(result.reasons[1]).toContain('(C2614), which may include this project')
    expect(result.reasons[1]).not.toContain('B06')
  })

  it('is conditional under a restricting or conditioning rule', () => {
    for (const effect of ['restrict', 'condition'] as const) {
      expect(decideVerdict([rule({ effect })], 'D4411', 'new').verdict).toBe('conditional')
    }
  })

  it('lists encouraging rules without changing the verdict', () => {
    const result = decideVerdict([rule({ effect: 'encourage' })], 'D4411', 'new')
    expect(result.verdict).toBe('consistent')
    expect(result.rules.map((r) => r.effect)).toEqual(['encourage'])
  })

  it('holds a relocation to the rules on new projects where it moves to', () => {
    const onNew = rule({ code: 'N', project_kinds: ['new', 'expansion'] })
    const moved = decideVerdict([onNew], 'C2614', 'relocation')
    expect(moved.verdict).toBe('forbidden')
    expect(moved.reasons).toEqual([
      'Rule N forbids this project here (a relocation is new construction at the site it ' +
        `moves to): ${onNew.text_zh}`,
    ])
    // Rules on expansion or renovation alone bind no relocation; one naming it needs no aside.
    for (const kinds of [['expansion'], ['renovation'], ['expansion', 'renovation']] as const) {
      const other = rule({ code: 'E', project_kinds: [...kinds] })
      expect(decideVerdict([other], 'C2614', 'relocation').verdict, kinds.join()).toBe('consistent')
    }
    const named = rule({ code: 'M', effect: 'condition', project_kinds: ['relocation'] })
    expect(decideVerdict([named], 'C2614', 'relocation').reasons).toEqual([
      `Rule M conditions this project: ${named.text_zh}`,
    ])
  })

  it('skips rules for other project kinds and other industries', () => {
    const rules = [
      rule({ code: 'A', project_kinds: ['new', 'expansion'] }),
      rule({ code: 'B', industries: ['A03'] }),
    ]
    const result = decideVerdict(rules, 'C2614', 'renovation')
    expect(result.verdict).toBe('consistent')
    expect(result.rules).toEqual([])
  })

  it('lets a forbidding rule outweigh a restricting one', () => {
    const rules = [rule({ code: 'R', effect: 'restrict' }), rule({ code: 'F' })]
    const result = decideVerdict(rules, 'C2614', 'new')
    expect(result.verdict).toBe('forbidden')
    expect(result.rules.map((r) => r.code)).toEqual(['R', 'F'])
  })
})
