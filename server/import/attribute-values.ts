import type { AttributeValue } from '../tiles/layer-catalog.ts'

/**
 * The code that a file's value stands for among an attribute's fixed values: the code itself,
 * or one of the Chinese forms bureau files write for it (优先保护单元 for priority). Undefined
 * when the value names none of them. `text` is trimmed already; matching is exact, as the forms
 * are the standard terms and a near miss may be another value.
 */
export function valueCode(values: AttributeValue[], text: string): string | undefined {
  return values.find((value) => value.code === text || value.aliases.includes(text))?.code
}

/** The values an attribute takes, for a refusal: "core (核心区), buffer (缓冲区) or …". */
export function describeValues(values: AttributeValue[]): string {
  const listed = values.map(({ code, aliases }) =>
    aliases.length > 0 ? `${code} (${aliases.join(', ')})` : code,
  )
  return listed.length > 1 ? `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}` : listed[0]!
}
