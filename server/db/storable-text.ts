// A UTF-16 surrogate without its partner: no Unicode character, so it has no UTF-8 form.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why PostgreSQL cannot store `text` as a text value, as a sentence for an ImportError, or
 * undefined when it can. PostgreSQL text cannot hold the NUL character, and JSON text cannot
 * carry an unpaired surrogate into it; either would otherwise fail the whole import with the
 * database's own message, which names neither the item nor the field. Pure.
 */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return 'The text holds the NUL character (\\u0000), which the database cannot store.'
  }
  const surrogate = LONE_SURROGATE.exec(text)?.[0]
  if (surrogate) {
    const code = surrogate.charCodeAt(0).toString(16)
    return `The text holds an unpaired surrogate (\\u${code}), which is no character.`
  }
  return undefined
}
