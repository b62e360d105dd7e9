import { format } from 'prettier'
import { describe, expect, it } from 'vitest'
import { mergeResults } from '../../bench/results-merge.ts'

// Small reports shaped like those results-report.ts writes: a header with the run and a table,
// part sections, failures and notes.
function report(options: {
  command: string
  date: string
  load: string
  rows: string[]
  parts: Record<number, string>
  failures?: string[]
  notes: string[]
  code?: string[]
}): string {
  const sections = Object.entries(options.parts).map(
    ([part, body]) => `## ${part}. Part ${part}\n\n${body}`,
  )
  return [
    '# Benchmarks',
    `Written by \`${options.command}\` on ${options.date.replace(' ', '\n')} UTC, in 9 s.`,
    [
      '|     |     |',
      '| --- | --- |',
      '| CPU | AMD |',
      `| load average, 1 min | ${options.load} |`,
      ...options.rows,
    ].join('\n'),
    'To rerun:',
    ['```sh', options.command, ...(options.code ?? []), '```'].join('\n'),
    ...sections,
    ...(options.failures ? [`## Parts that failed\n\n${options.failures.join('\n')}`] : []),
    `## Reading these numbers\n\n${options.notes.join('\n')}`,
  ].join('\n\n')
}

const FULL = report({
  command: 'npm run bench',
  date: '2026-12-04 22:12',
  load: '0.00 at start, 1.45 at end',
  rows: ['| province layer | 21,600 units |'],
  parts: { 1: 'Warm figures.', 2: 'Cold figures.', 3: 'Province figures.' },
  failures: ['- Part 2: one round failed', '- Part 3: no cities'],
  notes: ['- About part 1,\n  on two lines.', '- About part 3.'],
  code: ['npm run build-province -- --units 20000'],
})

const MIXED = report({
  command: 'npm run bench -- --parts 5',
  date: '2026-12-05 10:30',
  load: '2.00 at start, 3.00 at end',
  rows: ['| Hengyang sample | 10 layers |'],
  parts: { 5: 'Mixed figures.' },
  notes: ['- About part 5.'],
})

const WARM_RERUN = report({
  command: 'npm run bench -- --parts 1',
  date: '2026-12-07 09:15',
  load: '0.50 at start, 0.70 at end',
  rows: [],
  parts: { 1: 'New warm figures.' },
  notes: [],
})

describe('mergeResults', () => {
  it('writes the fresh report alone when there is no earlier one', () => {
    expect(mergeResults(undefined, MIXED)).toBe(MIXED)
  })

  it('writes the fresh report alone when it has every part the earlier one had', () => {
    const earlier = report({
      command: 'npm run bench -- --parts 2',
      date: '2026-12-01 07:00',
      load: '0.10 at start, 0.20 at end',
      rows: [],
      parts: { 2: 'Old cold figures.' },
      notes: [],
    })
    expect(mergeResults(earlier, FULL)).toBe(FULL)
  })

  it('keeps the parts the run left out, with the run that measured each', () => {
    const merged = mergeResults(FULL, MIXED)
    const headings = merged.split('\n').filter((line) => line.startsWith('## '))
    expect(headings).toEqual([
      '## 1. Part 1',
      '## 2. Part 2',
      '## 3. Part 3',
      '## 5. Part 5',
      '## Parts that failed',
      '## Reading these numbers',
    ])
    for (const figures of [
      'Warm figures.',
      'Cold figures.',
      'Province figures.',
      'Mixed figures.',
    ]) {
      expect(merged).toContain(`\n\n${figures}\n\n`)
    }
    expect(merged).toContain(
      [
        '| parts | measured by | on (UTC) | load average, 1 min |',
        '| --- | --- | --- | --- |',
        '| 1, 2, 3 | `npm run bench` | 2026-12-04 22:12 | 0.00 at start, 1.45 at end |',
        '| 5 | `npm run bench -- --parts 5` | 2026-12-05 10:30 | 2.00 at start, 3.00 at end |',
      ].join('\n'),
    )
  })

  it("adds the earlier header's rows and commands that the fresh one lacks", () => {
    const merged = mergeResults(FULL, MIXED)
    const rows = merged.split('\n').filter((line) => /^\| [A-Za-z]/.test(line))
    expect(rows.slice(0, 4)).toEqual([
      '| CPU | AMD |',
      '| load average, 1 min | 2.00 at start, 3.00 at end |',
      '| Hengyang sample | 10 layers |',
      '| province layer | 21,600 units |',
    ])
    const code = [
      'npm run bench -- --parts 5',
      'npm run bench',
      'npm run build-province -- --units 20000',
    ]
    expect(merged).toContain(['```sh', ...code, '```'].join('\n'))
  })

  it('keeps the failures of kept parts and every reading note once', () => {
    const rerun = report({
      command: 'npm run bench -- --parts 3',
      date: '2026-12-06 08:00',
      load: '1.00 at start, 1.00 at end',
      rows: [],
      parts: { 3: 'New province figures.' },
      notes: ['- About part 3.'],
    })
    const merged = mergeResults(FULL, rerun)
    expect(merged).toContain('## Parts that failed\n\n- Part 2: one round failed\n\n')
    expect(merged).not.toContain('no cities')
    expect(merged).toContain(
      '## Reading these numbers\n\n- About part 3.\n- About part 1,\n  on two lines.\n',
    )
    expect(merged).not.toContain('\nProvince figures.')
  })

  it('carries the runs table over when a merged report is merged again', () => {
    const once = mergeResults(FULL, MIXED)
    const twice = mergeResults(once, WARM_RERUN)
    const runs = twice.split('\n').filter((line) => /^\| [\d, ]+ \| `/.test(line))
    expect(runs).toEqual([
      '| 1 | `npm run bench -- --parts 1` | 2026-12-07 09:15 | 0.50 at start, 0.70 at end |',
      '| 2, 3 | `npm run bench` | 2026-12-04 22:12 | 0.00 at start, 1.45 at end |',
      '| 5 | `npm run bench -- --parts 5` | 2026-12-05 10:30 | 2.00 at start, 3.00 at end |',
    ])
    expect(twice.match(/The parts come from these runs/g)).toHaveLength(1)
    expect(twice).toContain('\n\nMixed figures.\n\n')
  })

  it('reads the runs table back after a formatter has padded its columns', async () => {
    const once = await format(mergeResults(FULL, MIXED), { parser: 'markdown' })
    expect(once).toContain('| parts   | measured by ')
    const runs = mergeResults(once, WARM_RERUN)
      .split('\n')
      .filter((line) => /^\| [\d, ]+ \| `/.test(line))
    expect(runs).toEqual([
      '| 1 | `npm run bench -- --parts 1` | 2026-12-07 09:15 | 0.50 at start, 0.70 at end |',
      '| 2, 3 | `npm run bench` | 2026-12-04 22:12 | 0.00 at start, 1.45 at end |',
      '| 5 | `npm run bench -- --parts 5` | 2026-12-05 10:30 | 2.00 at start, 3.00 at end |',
    ])
  })
})
