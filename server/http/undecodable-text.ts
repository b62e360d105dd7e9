/**
 * Where a decoded request holds U+FFFD, the character a UTF-8 decoder puts in place of bytes
 * that are not UTF-8: text sent in GBK, say, read as UTF-8. Such text is lost, and storing it
 * would keep only the replacement marks. A form field with no value at all counts too: the form
 * reader leaves one so when its part declares a charset it does not decode (`charset=gbk`).
 * Answers the path of the first string, key or value, holding one (`contact.name`, `items[2]`),
 * '' for the body itself, or undefined for none.
 */
export function undecodablePath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\uFFFD') ? path : undefined
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = undecodablePath(item, `${path}[${i}]`)
      if (found !== undefined) return found
    }
    return undefined
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (key.includes('\uFFFD') || item === undefined) return at
    const found = undecodablePath(item, at)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * The sentence that refuses such text, naming where it is when known. A U+FFFD sent as such is
 * refused too, as text already damaged by a decoder before it was sent: the message says both.
 */
export function undecodableMessage(path: string): string {
  const where = path ? path : 'The request body'
  return (
    `${where} holds bytes that are not UTF-8 text, or U+FFFD, the mark a decoder leaves ` +
    'in their place; send the original text in UTF-8.'
  )
}
