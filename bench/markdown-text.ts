/**
 * Breaks prose into lines of at most `width` characters at spaces, as the repository's
 * formatter keeps Markdown. A word longer than the width stays whole on its own line. Pure.
 */
export function wrapText(text: string, width = 100): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word
    else if (line.length + 1 + word.length <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

/** A Markdown table from a header row and body rows; cells must not hold a pipe. Pure. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}
