/**
 * A short, safe description of a value a client sent, for error messages: strings quoted and cut
 * to `max` characters, numbers and booleans as they are, anything else by its kind. Never
 * serialises nested input, which could be deep or huge. Characters that draw nothing are written
 * as escapes: `"C2614\u200b"` says why a code that reads right was refused.
 */
export function describeValue(value: unknown, max = 40): string {
  if (typeof value === 'string') {
    const shown = value.length > max ? `${value.slice(0, max)}…` : value
    return JSON.stringify(shown).replace(
      /[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu,
      (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
    )
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value === 'object' ? 'JSON object' : typeof value}`
}
