import type { Refusal, RefusalProblem } from './report-errors.ts'
import { REPORTS_URL, reportInit, type ReportRequest } from './report-request.ts'

/** What anyone holding a tracking code sees of a report, as `GET /api/reports/{code}` answers. */
export interface ReportView {
  trackingCode: string
  category: string
  status: string
  observedAt: string
  receivedAt: string
  unit: { code: string; name: string | null; class: string | null } | null
  district: { adcode: number; name: string | null } | null
  deadlines: { acceptBy: string; closeBy: string | null; overdue: string | null }
  history: { status: string; at: string; referredTo?: string }[]
}

/** What a request to the reports API came to. `refused` is a 4xx with the API's error. */
export type ReportOutcome =
  | { kind: 'answered'; view: ReportView }
  | ({ kind: 'refused' } & Refusal)
  | { kind: 'failed'; reason: 'network' | 'server' }

/** Files a report; never throws, a network failure is an outcome too. */
export async function sendReport(request: ReportRequest): Promise<ReportOutcome> {
  return call(REPORTS_URL, reportInit(request))
}

/** The public view of a report; the code goes as typed, the API reads any case and hyphens. */
export async function fetchReport(code: string): Promise<ReportOutcome> {
  const url = `${REPORTS_URL}/${encodeURIComponent(code.trim())}`
  return call(url, { headers: { accept: 'application/json' } })
}

/** The lookup page's address for a code. */
export function trackHref(code: string): string {
  return `/report/track/?${new URLSearchParams({ code })}`
}

async function call(url: string, init: RequestInit): Promise<ReportOutcome> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    return { kind: 'failed', reason: 'network' }
  }
  return readReportResponse(response)
}

/** Turns the API's response into an outcome; a 2xx body that is not a report view fails. */
export async function readReportResponse(response: Response): Promise<ReportOutcome> {
  const body: unknown = await response.json().catch(() => undefined)
  if (response.ok) return isReportView(body) ? { kind: 'answered', view: body } : failedOnServer
  if (response.status < 400 || response.status >= 500) return failedOnServer

  const error = isRecord(body) && isRecord(body.error) ? body.error : {}
  const problems = Array.isArray(error.problems) ? error.problems.filter(isRecord).map(problem) : []
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN)
  return {
    kind: 'refused',
    status: response.status,
    ...problem(error),
    ...(problems.length > 0 ? { problems } : {}),
    ...(Number.isFinite(retryAfter) ? { retryAfter } : {}),
  }
}

function problem(error: Record<string, unknown>): RefusalProblem {
  return {
    ...text('code', error.code),
    ...text('message', error.message),
    ...text('field', error.field),
  }
}

const failedOnServer: ReportOutcome = { kind: 'failed', reason: 'server' }

export function isReportView(value: unknown): value is ReportView {
  return (
    isRecord(value) &&
    typeof value.trackingCode === 'string' &&
    typeof value.status === 'string' &&
    typeof value.receivedAt === 'string' &&
    isRecord(value.deadlines) &&
    typeof value.deadlines.acceptBy === 'string' &&
    Array.isArray(value.history)
  )
}

function text<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
