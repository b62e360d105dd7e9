import { describe, expect, it } from 'vitest'
import { table, wrapText } from '../../bench/markdown-text.ts'

describe('markdown text', () => {
  it('wraps prose at spaces within the width, collapsing runs of spaces', () => {
    expect(wrapText('aaa bbb  ccc ddd', 7)).toBe('aaa bbb\nccc ddd')
    expect(wrapText('aaa bbb ccc', 8)).toBe('aaa bbb\nccc')
  })

  it('keeps a word longer than the width whole on its own line', () => {
    expect(wrapText('a `postgres://postgres@127.0.0.1:5432/postgres` b', 10)).toBe(
      'a\n`postgres://postgres@127.0.0.1:5432/postgres`\nb',
    )
  })

  it('writes a header, a rule and one line per row', () => {
    expect(table(['z', 'ms'], [['0', '1.5']])).toBe('| z | ms |\n| --- | --- |\n| 0 | 1.5 |')
  })
})
