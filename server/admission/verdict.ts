import type { ProjectKind, RuleInForce } from '../zoning/access-list.ts'
import { industryMatch } from './industry-match.ts'

export type Verdict = 'forbidden' | 'conditional' | 'consistent'

export interface ApplicableRule extends RuleInForce {
  /** 'applies' when the rule names the project's industry or a broader one; 'may_apply' when it
   * names a narrower class that the declared industry includes. */
  match: 'applies' | 'may_apply'
}

export interface VerdictResult {
  verdict: Verdict
  reasons: string[]
  rules: ApplicableRule[]
}

/**
 * The verdict on a project from the rules in force at its site. A forbidding rule that applies
 * makes it forbidden; a forbidding rule that may apply, or a restricting or conditioning one,
 * makes it conditional; otherwise it is consistent with the access list. Encouraging rules are
 * listed but never change the verdict. Pure.
 */
export function decideVerdict(
  rules: RuleInForce[],
  industry: string,
  projectKind: ProjectKind,
): VerdictResult {
  const applicable: ApplicableRule[] = []
  for (const rule of rules) {
    if (!bindsKind(rule, projectKind)) continue
    const match = industryMatch(rule.industries, industry)
    if (match) applicable.push({ ...rule, match })
  }
  // Said where a rule binds a relocation only as new construction, so no one reads it as a
  // rule that names relocations.
  const asNew = (r: RuleInForce) =>
    projectKind === 'relocation' &&
    r.project_kinds.length > 0 &&
    !r.project_kinds.includes(projectKind)
      ? ' (a relocation is new construction at the site it moves to)'
      : ''

  const forbidding = applicable.filter((r) => r.effect === 'forbid' && r.match === 'applies')
  const possiblyForbidding = applicable.filter(
    (r) => r.effect === 'forbid' && r.match === 'may_apply',
  )
  const conditioning = applicable.filter((r) => r.effect === 'restrict' || r.effect === 'condition')

  if (forbidding.length > 0) {
    return {
      verdict: 'forbidden',
      reasons: forbidding.map(
        (r) => `Rule ${r.code} forbids this project here${asNew(r)}: ${r.text_zh}`,
      ),
      rules: applicable,
    }
  }
  if (possiblyForbidding.length > 0 || conditioning.length > 0) {
    return {
      verdict: 'conditional',
      reasons: [
        ...possiblyForbidding.map(
          (r) =>
            `Rule ${r.code} forbids some classes of ${industry} ` +
            `(${classesUnder(r, industry)}): the project must not fall in them.`,
        ),
        ...conditioning.map((r) =>
          r.match === 'applies'
            ? `Rule ${r.code} ${r.effect}s this project${asNew(r)}: ${r.text_zh}`
            : `Rule ${r.code} ${r.effect}s some classes of ${industry} ` +
              `(${classesUnder(r, industry)}), which may include this project: ${r.text_zh}`,
        ),
      ],
      rules: applicable,
    }
  }
  return {
    verdict: 'consistent',
    reasons: ['No rule in force here forbids, restricts or conditions this project.'],
    rules: applicable,
  }
}

/**
 * Whether a rule binds a project of this kind: a rule naming no kind binds every project, one
 * naming kinds binds those. A relocation (迁建) builds the project anew at the site checked, and
 * is assessed there as new construction is, so a rule on new projects binds it too: "no new
 * chemical plant in this zone" keeps a plant from moving in.
 */
function bindsKind(rule: RuleInForce, projectKind: ProjectKind): boolean {
  if (rule.project_kinds.length === 0 || rule.project_kinds.includes(projectKind)) return true
  return projectKind === 'relocation' && rule.project_kinds.includes('new')
}

/** The codes of a rule's industry list that lie within the declared industry. */
function classesUnder(rule: ApplicableRule, industry: string): string {
  return rule.industries.filter((code) => code.startsWith(industry)).join(', ')
}
