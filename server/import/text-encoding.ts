// Windows code pages as .cpg files and bureau staff name them, by number.
const CODE_PAGES: Record<string, string> = {
  '936': 'gbk',
  '20936': 'gbk',
  '54936': 'gb18030',
  '950': 'big5',
  '65001': 'utf-8',
  '1252': 'windows-1252',
  '28591': 'iso-8859-1',
  '88591': 'iso-8859-1',
  '932': 'shift_jis',
  '949': 'euc-kr',
}

/**
 * The WHATWG name of a text encoding given as a .cpg file or an operator writes it: a WHATWG
 * label (gbk, gb2312, gb18030, utf-8, big5…) or a Windows code page, bare or with an ANSI, CP or
 * windows- prefix (936, CP936, ANSI 936). Undefined when the name is none of these.
 */
export function parseTextEncoding(name: string): string | undefined {
  const trimmed = name.trim().toLowerCase()
  const codePage = /^(?:ansi\s*|cp|windows-?|ms)?(\d+)$/.exec(trimmed)?.[1]
  const label = codePage ? (CODE_PAGES[codePage] ?? `windows-${codePage}`) : trimmed
  try {
    const encoding = new TextDecoder(label).encoding
    // WHATWG maps some unsafe legacy labels to a decoder that yields only U+FFFD.
    return encoding === 'replacement' || encoding.startsWith('utf-16') ? undefined : encoding
  } catch {
    return undefined
  }
}

export const ENCODING_EXAMPLES = 'gbk, gb18030, utf-8 or big5'

/**
 * The advice that ends a refusal of text that is not valid in the encoding `name`: none when
 * the operator gave it with --encoding, else the --encoding to try. Bureau files are mostly GBK,
 * so that is the first guess for text that is not; GBK text that is not GBK is something else.
 */
export function encodingHint(name: string, given: boolean): string {
  if (given) return ''
  if (name !== 'gbk') return '; if it is GBK, give --encoding gbk'
  return '; give --encoding with the encoding it is in, such as utf-8, gb18030 or big5'
}
