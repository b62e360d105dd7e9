import type { z } from 'zod'
import { describeValue } from '../http/describe-value.ts'

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'an array',
  object: 'a JSON object',
  record: 'a JSON object',
  boolean: 'true or false',
}

/**
 * A schema's complaint about one item, in the words of the product's other refusals: what the
 * field must be and what came (`given`, the field's value). Custom checks keep their own words;
 * anything unforeseen falls back to the schema library's.
 */
export function describeIssue(issue: z.core.$ZodIssue, given: unknown): string {
  const got = `got ${describeValue(given)}`
  const missing = given === undefined && issue.path.length > 0
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return 'The field is missing; it is required.'
  }
  switch (issue.code) {
    case 'invalid_type': {
      const kind = KINDS[issue.expected] ?? issue.expected
      if (issue.path.length === 0) return `Each item must be ${kind}, ${got}.`
      return `must be ${kind}, ${got}.`
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}, ${got}.`
    case 'too_small':
    case 'too_big':
      // A bound the schema words itself keeps its words.
      return /^Too (small|big)\b/.test(issue.message)
        ? `${bound(issue)}, ${got}.`
        : `${issue.message}, ${got}.`
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
    default:
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`
  }
}

/** "must have at least 1 character", "must be more than 0", "must be at most 50,000". */
function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small'
  const limit = Number(small ? issue.minimum : issue.maximum)
  const shown = limit.toLocaleString('en-US')
  if (issue.origin === 'string' || issue.origin === 'array') {
    const unit = issue.origin === 'string' ? 'character' : 'item'
    const word = small ? 'at least' : 'at most'
    return `must have ${word} ${shown} ${unit}${limit === 1 ? '' : 's'}`
  }
  const word = small
    ? issue.inclusive
      ? 'at least'
      : 'more than'
    : issue.inclusive
      ? 'at most'
      : 'less than'
  return `must be ${word} ${shown}`
}
