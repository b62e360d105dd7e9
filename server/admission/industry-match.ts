/**
 * How a rule's industry list bears on a project's GB/T 4754-2017 code, by prefix as the
 * classification nests: a rule on C26 applies to a project in C2614 ('applies'); a rule on
 * C2614 may apply to a project declared only as C26 ('may_apply'), since the division includes
 * that class. A rule with no industries applies to all. Undefined when the rule is unrelated.
 */
export function industryMatch(
  ruleIndustries: readonly string[],
  projectIndustry: string,
): 'applies' | 'may_apply' | undefined {
  if (ruleIndustries.length === 0) return 'applies'
  if (ruleIndustries.some((prefix) => projectIndustry.startsWith(prefix))) return 'applies'
  if (ruleIndustries.some((prefix) => prefix.startsWith(projectIndustry))) return 'may_apply'
  return undefined
}

const INDUSTRY_CODE = /^[A-T](\d{2}|\d{3}|\d{4})?$/

/** Whether `code` has the shape of a GB/T 4754-2017 code: a letter, alone or with 2-4 digits. */
export function isIndustryCode(code: string): boolean {
  return INDUSTRY_CODE.test(code)
}
