type Frame =
  | { kind: 'object'; keys: Set<string>; key: string | undefined; expectKey: boolean }
  | { kind: 'array'; index: number }

/**
 * The path (`location.lat`, `items[2].code`) of the first key that appears twice in one object
 * of valid JSON `text`, or undefined when none does. JSON.parse keeps the last of repeated keys
 * without a word, so `{"lat": 26.9, "lat": 26.5}` would quietly move a report to another place.
 */
export function findDuplicateKey(text: string): string | undefined {
  const stack: Frame[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    const top = stack.at(-1)
    if (char === '"') {
      const end = endOfString(text, i)
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        if (top.keys.has(key)) return pathOf(stack, key)
        top.keys.add(key)
        top.key = key
        top.expectKey = false
      }
      i = end
    } else if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: undefined, expectKey: true })
    } else if (char === '[') {
      stack.push({ kind: 'array', index: 0 })
    } else if (char === '}' || char === ']') {
      stack.pop()
    } else if (char === ',' && top) {
      if (top.kind === 'object') top.expectKey = true
      else top.index++
    }
  }
  return undefined
}

/** The index of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i
  }
  return text.length - 1
}

function pathOf(stack: Frame[], key: string): string {
  let path = ''
  for (const frame of stack.slice(0, -1)) {
    if (frame.kind === 'array') path += `[${frame.index}]`
    else path += path ? `.${frame.key}` : frame.key
  }
  return path ? `${path}.${key}` : key
}

/** What a client is told about a key given twice in a JSON object. */
export function repeatedKeyMessage(path: string): string {
  return `${path} is given twice; give each field once.`
}
