/**
 * Keeping the parts a run did not measure: a run of some parts replaces their sections in the
 * results file and keeps the others' latest figures, with a table in the header naming the run
 * each part comes from.
 */

/** The run a part's figures come from, as its header states it. */
export interface RunOrigin {
  command: string
  /** `YYYY-MM-DD HH:MM`, UTC. */
  date: string
  /** The one-minute load average at its start and end, as written there. */
  load: string
}

interface Report {
  header: string
  /** `## N. …` sections by part number, heading included. */
  parts: Map<number, string>
  failures: string[]
  notes: string[]
}

const RUNS_HEAD = '| parts | measured by | on (UTC) | load average, 1 min |'
const RUNS_INTRO = 'The parts come from these runs, each under the conditions of its own:'
const LOAD_LABEL = 'load average, 1 min'

/**
 * The results file after a run: `fresh`, as the run rendered it, with the part sections of
 * `previous` that it lacks put back in part order, their failure lines and reading notes too,
 * the header's machine rows and commands it lacks added, and a table of the run behind each
 * part when they differ. Without a previous file, or when the run measured every part the
 * previous one had, the fresh report as it is. Pure.
 */
export function mergeResults(previous: string | undefined, fresh: string): string {
  if (previous === undefined) return fresh
  const old = readReport(previous)
  const now = readReport(fresh)
  const kept = [...old.parts.keys()].filter((part) => !now.parts.has(part))
  if (kept.length === 0) return fresh

  const origins = new Map<number, RunOrigin>()
  const oldOrigins = partOrigins(old)
  for (const part of kept) origins.set(part, oldOrigins.get(part)!)
  const freshOrigin = runOf(now.header)
  for (const part of now.parts.keys()) origins.set(part, freshOrigin)

  const parts = new Map([
    ...now.parts,
    ...kept.map((p): [number, string] => [p, old.parts.get(p)!]),
  ])
  const keptFailures = old.failures.filter((line) => kept.includes(failedPart(line) ?? -1))
  const failures = [...now.failures, ...keptFailures]
  const notes = [...now.notes, ...old.notes.filter((note) => !now.notes.includes(note))]

  return [
    mergeHeader(now.header, old.header, origins),
    ...[...parts.keys()].sort((a, b) => a - b).map((part) => parts.get(part)!),
    ...(failures.length > 0 ? [`## Parts that failed\n\n${failures.join('\n')}`] : []),
    ...(notes.length > 0 ? [`## Reading these numbers\n\n${notes.join('\n')}`] : []),
  ]
    .map((block) => block.trim())
    .join('\n\n')
    .concat('\n')
}

function readReport(text: string): Report {
  const [header = '', ...sections] = text.split(/^(?=## )/m)
  const report: Report = { header, parts: new Map(), failures: [], notes: [] }
  for (const section of sections) {
    const part = /^## (\d+)\. /.exec(section)?.[1]
    if (part !== undefined) report.parts.set(Number(part), section)
    else if (section.startsWith('## Parts that failed')) report.failures = listItems(section)
    else if (section.startsWith('## Reading these numbers')) report.notes = listItems(section)
  }
  return report
}

/** The items of a Markdown list, each with its continuation lines. */
function listItems(section: string): string[] {
  const items: string[] = []
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('- ')) items.push(line)
    else if (line.startsWith('  ') && items.length > 0) items[items.length - 1] += `\n${line}`
  }
  return items
}

function failedPart(line: string): number | undefined {
  const part = /^- Part (\d+):/.exec(line)?.[1]
  return part === undefined ? undefined : Number(part)
}

/** The run that wrote a header, from its first paragraph and its load-average row. */
function runOf(header: string): RunOrigin {
  const prose = header.replace(/\s+/g, ' ')
  const written = /Written by `([^`]+)` on (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC/.exec(prose)
  const load = tableRows(header).find((cells) => cells[0] === LOAD_LABEL)?.[1]
  return { command: written?.[1] ?? 'unknown', date: written?.[2] ?? 'unknown', load: load ?? '–' }
}

/** Which run each part of a report comes from: its runs table, or the run that wrote it. */
function partOrigins(report: Report): Map<number, RunOrigin> {
  const origins = new Map<number, RunOrigin>()
  const written = runOf(report.header)
  for (const part of report.parts.keys()) origins.set(part, written)
  const runsTable = report.header.split(/\n\n+/).find(isRunsTable)
  if (runsTable === undefined) return origins
  for (const cells of tableRows(runsTable)) {
    const [parts, command, date, load] = cells
    if (!parts || !/^\d/.test(parts)) continue
    const origin = { command: command!.replace(/^`|`$/g, ''), date: date!, load: load! }
    for (const part of parts.split(/,\s*/)) origins.set(Number(part), origin)
  }
  return origins
}

/** Whether a block is the runs table, however a formatter padded its columns. */
function isRunsTable(block: string): boolean {
  return tableRows(block)[0]?.join(' | ') === RUNS_HEAD.slice(2, -2)
}

/** The cells of the Markdown table rows at the start of each table in `text`, trimmed. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
}

function mergeHeader(fresh: string, old: string, origins: Map<number, RunOrigin>): string {
  const blocks = fresh.trim().split(/\n\n+/)
  const tableAt = blocks.findIndex((block) => block.startsWith('|'))
  const freshRows = tableAt >= 0 ? blocks[tableAt]!.split('\n') : []
  const labels = new Set(tableRows(freshRows.join('\n')).map((cells) => cells[0]))
  const oldTable = old
    .trim()
    .split(/\n\n+/)
    .find((block) => block.startsWith('|') && !isRunsTable(block))
  const oldRows = (oldTable ?? '')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .filter((line) => !labels.has(line.slice(1, -1).split('|')[0]!.trim()))
  if (tableAt >= 0) blocks[tableAt] = [...freshRows, ...oldRows].join('\n')

  // Parts that share a run share a row.
  const byRun = new Map<string, { origin: RunOrigin; parts: number[] }>()
  for (const [part, origin] of [...origins].sort(([a], [b]) => a - b)) {
    const key = JSON.stringify(origin)
    const entry = byRun.get(key) ?? { origin, parts: [] }
    entry.parts.push(part)
    byRun.set(key, entry)
  }
  const runs = [
    RUNS_HEAD,
    '| --- | --- | --- | --- |',
    ...[...byRun.values()].map(
      ({ origin, parts }) =>
        `| ${parts.join(', ')} | \`${origin.command}\` | ${origin.date} | ${origin.load} |`,
    ),
  ].join('\n')
  if (tableAt >= 0) blocks.splice(tableAt + 1, 0, RUNS_INTRO, runs)

  // The commands to rerun the kept parts join this run's.
  const codeAt = blocks.findIndex((block) => block.startsWith('```sh'))
  const oldCode = /```sh\n([\s\S]*?)\n```/.exec(old)?.[1]
  if (codeAt >= 0 && oldCode) {
    const lines = blocks[codeAt]!.split('\n').slice(1, -1)
    for (const line of oldCode.split('\n')) if (!lines.includes(line)) lines.push(line)
    blocks[codeAt] = ['```sh', ...lines, '```'].join('\n')
  }
  return blocks.join('\n\n')
}
