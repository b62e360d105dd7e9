import path from 'node:path'
import { runAdmissionCheck } from '../server/admission/admission-check.ts'
import type { AdmissionRequest } from '../server/admission/admission-request.ts'
import { checkInputOf, inputSha256 } from '../server/admission/check-input.ts'
import { industryByCode } from '../server/admission/industry-catalogue.ts'
import { readSite } from '../server/admission/site-input/read-site.ts'
import type { Database, Queryable } from '../server/db/database.ts'
import { openDatabase } from '../server/db/open-database.ts'
import { readLayers } from '../server/tiles/layer-catalog.ts'
import { assertCovered } from '../server/zoning/coverage.ts'
import type { CheckSite, SiteKind } from './check-sites.ts'

/** One statement a check ran, timed on its own. */
interface TimedStatement {
  step: string
  sql: string
  params: readonly unknown[]
  ms: number
  rows: number
}

/** Where a check's time goes: one step per function and table that ran statements. */
export interface StepTime {
  step: string
  /** Statements per check, mean. */
  statements: number
  /** Milliseconds per check, mean: the statements' round trips, rows read into Node. */
  ms: number
  /** Rows returned per check, mean. */
  rows: number
}

/** EXPLAIN ANALYZE of one statement, as run for one site. */
export interface StatementPlan {
  step: string
  kind: SiteKind
  /** The statement's round trip when the check ran it, ms. */
  roundTripMs: number
  executionMs: number
  planningMs: number
  /** The plan as PostgreSQL prints it. */
  text: string
}

export interface CheckProfile {
  checks: number
  /** A whole check in the benchmark process, milliseconds, mean. */
  totalMs: number
  /** Slowest first; the last is the time outside any statement (Node work, BEGIN, COMMIT). */
  steps: StepTime[]
  plans: StatementPlan[]
}

export const OUTSIDE_STATEMENTS = 'outside statements: Node, BEGIN, COMMIT'

/**
 * Runs the admission check on each site in this process, the way `POST /api/admission-check`
 * does after parsing the body (read the site, find the industry, assert coverage, then the
 * check's transaction with its INSERT), one statement at a time on one connection, and times
 * every statement. Statements are named after the product function that ran them and the first
 * table they read. Then the `explain` slowest steps are run again under EXPLAIN ANALYZE (in a
 * transaction rolled back), each with its slowest statement among the sites of `explainKind`,
 * or among all sites when none of that kind ran it.
 */
export async function profileChecks(
  databaseUrl: string,
  sites: CheckSite[],
  options: { nearbyM: number; explain: number; explainKind: SiteKind },
): Promise<CheckProfile> {
  const db = await openDatabase({ url: databaseUrl, poolSize: 1, statementTimeoutMs: 600_000 })
  try {
    const layers = await readLayers(db)
    const byCheck: { kind: SiteKind; statements: TimedStatement[]; ms: number }[] = []
    for (const site of sites) {
      const statements: TimedStatement[] = []
      const started = performance.now()
      await checkOnce(timedDatabase(db, statements), site, { layers, nearbyM: options.nearbyM })
      byCheck.push({ kind: site.kind, statements, ms: performance.now() - started })
    }

    const steps = new Map<string, StepTime>()
    for (const { statements } of byCheck) {
      for (const s of statements) {
        const step = steps.get(s.step) ?? { step: s.step, statements: 0, ms: 0, rows: 0 }
        step.statements += 1 / byCheck.length
        step.ms += s.ms / byCheck.length
        step.rows += s.rows / byCheck.length
        steps.set(s.step, step)
      }
    }
    const totalMs = byCheck.reduce((sum, check) => sum + check.ms, 0) / byCheck.length
    const ranked = [...steps.values()].sort((a, b) => b.ms - a.ms)
    const inside = ranked.reduce((sum, step) => sum + step.ms, 0)

    const plans: StatementPlan[] = []
    for (const step of ranked.slice(0, options.explain)) {
      const of = (kind?: SiteKind) =>
        byCheck
          .filter((check) => kind === undefined || check.kind === kind)
          .flatMap((check) =>
            check.statements
              .filter((s) => s.step === step.step)
              .map((statement) => ({ statement, kind: check.kind })),
          )
      const candidates = of(options.explainKind).length > 0 ? of(options.explainKind) : of()
      const slowest = candidates.reduce((a, b) => (b.statement.ms > a.statement.ms ? b : a))
      const plan = await explain(db, slowest.statement)
      if (plan) {
        const { kind, statement } = slowest
        plans.push({ step: step.step, kind, roundTripMs: statement.ms, ...plan })
      }
    }

    return {
      checks: byCheck.length,
      totalMs,
      steps: [
        ...ranked,
        { step: OUTSIDE_STATEMENTS, statements: 0, ms: totalMs - inside, rows: 0 },
      ],
      plans,
    }
  } finally {
    await db.close()
  }
}

/** The route's work for one site, in its order, without HTTP. */
async function checkOnce(
  db: Database,
  site: CheckSite,
  options: Parameters<typeof runAdmissionCheck>[4],
) {
  const fields = { geometry: site.geometry, industry: site.industry }
  const read = await readSite(db, fields, undefined, false)
  const request: AdmissionRequest = {
    site: read.site,
    siteInput: read.input,
    siteSource: read.source,
    industry: site.industry,
    projectKind: site.projectKind,
  }
  const industry = await industryByCode(db, request.industry)
  if (!industry) throw new Error(`Industry ${request.industry} is not in the catalogue.`)
  await assertCovered(db, request.site, read.input.field)
  await runAdmissionCheck(db, request, industry, inputSha256(checkInputOf(request)), options)
}

/**
 * The database, with every statement, in a transaction or not, run one after another and
 * timed from its start: statements a check sends side by side would otherwise be timed with
 * their wait for the one connection.
 */
function timedDatabase(db: Database, out: TimedStatement[]): Database {
  const timed = (inner: Queryable): Queryable => {
    let previous: Promise<unknown> = Promise.resolve()
    return {
      query<Row>(sql: string, params: readonly unknown[] = []) {
        const step = stepOf(callerOf(), sql)
        const run = previous.then(async () => {
          const started = performance.now()
          const rows = await inner.query<Row>(sql, params)
          out.push({ step, sql, params, ms: performance.now() - started, rows: rows.length })
          return rows
        })
        previous = run.catch(() => {})
        return run
      },
    }
  }
  return {
    ...db,
    ...timed(db),
    transaction: (work) => db.transaction((tx) => work(timed(tx))),
  }
}

const FRAME = /^\s*at (?:async )?(?:(\S+) \()?(.+?):(\d+):\d+\)?$/

/** The product function that called the database: the first frame in server/ outside db/. */
function callerOf(): string {
  const holder: { stack?: string } = {}
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 20
  Error.captureStackTrace(holder, callerOf)
  Error.stackTraceLimit = limit
  for (const line of (holder.stack ?? '').split('\n').slice(1)) {
    const [, name, file, lineNumber] = FRAME.exec(line) ?? []
    if (!file || !file.includes(`${path.sep}server${path.sep}`)) continue
    if (file.includes(`${path.sep}server${path.sep}db${path.sep}`)) continue
    const plain = name?.replace(/^Object\./, '')
    return plain && !plain.includes('<anonymous>') ? plain : `${path.basename(file)}:${lineNumber}`
  }
  return 'unknown caller'
}

/**
 * A step's name: the caller, and the first table the statement reads or writes (common table
 * expressions and functions aside); a statement of no table called from an unnamed function
 * is named by its first two words and the caller's file. Pure.
 */
export function stepOf(caller: string, sql: string): string {
  const defined = new Set(
    [...sql.matchAll(/\b([a-z_]\w*)\s+AS\s+(?:MATERIALIZED\s+)?\(/gi)].map((m) => m[1]!),
  )
  const tables = [...sql.matchAll(/\b(?:FROM|INTO|JOIN)\s+"?([a-z_]\w*)\b"?(?!\()/gi)]
  const table = tables.map((m) => m[1]!).find((name) => !defined.has(name))
  if (table) return `${caller}, ${table}`
  const unnamed = /^(.+):\d+$/.exec(caller)
  if (!unnamed) return caller
  return `${sql.trim().split(/\s+/).slice(0, 2).join(' ')} (${unnamed[1]})`
}

async function explain(
  db: Database,
  statement: TimedStatement,
): Promise<Omit<StatementPlan, 'step' | 'kind' | 'roundTripMs'> | undefined> {
  if (!/^\s*(WITH|SELECT|INSERT)\b/i.test(statement.sql)) return undefined
  let lines: string[] = []
  // Rolled back, so the INSERT of a check stores nothing.
  const rollback = new Error('rollback')
  await db
    .transaction(async (tx) => {
      const rows = await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
        statement.params,
      )
      lines = rows.map((row) => row['QUERY PLAN'])
      throw rollback
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error
    })
  const time = (label: string) => {
    const line = lines.find((l) => l.startsWith(`${label} Time:`)) ?? ''
    return Number(/([\d.]+) ms/.exec(line)?.[1] ?? NaN)
  }
  return { executionMs: time('Execution'), planningMs: time('Planning'), text: lines.join('\n') }
}
