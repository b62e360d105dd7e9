import type { Refusal } from '../report/report-errors.ts'
import { isTerm } from '../zoning/zoning-terms.ts'
import { TOKEN_ERRORS, type TokenError } from './staff-terms.ts'

/** Where the staff API lives; every path below is relative to it. */
export const STAFF_API = '/api/staff'

export interface StaffMe {
  name: string
  role: string
}

interface Place {
  code: string
  name: string | null
  class: string | null
}

/** A report as the staff list gives it: no description or contact. */
export interface ReportSummary {
  trackingCode: string
  category: string
  status: string
  priority: string
  observedAt: string
  receivedAt: string
  location: { lon: number; lat: number }
  unit: Place | null
  district: { adcode: number; name: string | null } | null
  zones: { layer: string; title_zh?: string; id: number; properties: Record<string, unknown> }[]
  clusterSize: number
  assignee: string | null
  referredTo: string | null
  deadlines: { acceptBy: string; closeBy: string | null; overdue: string | null }
}

export interface ReportList {
  total: number
  limit: number
  offset: number
  reports: ReportSummary[]
}

/** A report in full, as `GET /api/staff/reports/{code}` gives it. */
export interface ReportDetail extends ReportSummary {
  description: string
  locationInput: Record<string, unknown>
  priorityReasons: unknown[]
  extension: { days: number; reason: string | null } | null
  history: {
    status: string
    at: string
    actor: string | null
    note: string | null
    referredTo: string | null
    assignee: string | null
  }[]
  photos: { position: number; mediaType: string; bytes: number; url: string }[]
  contact?: Record<string, string> | null
  contactHidden?: boolean
  /** The statuses this token may move the report to. */
  nextStatuses: string[]
}

export interface LeadRule {
  code: string
  effect: string
  dimension: string
  text_zh: string
  legal_basis: string | null
}

export interface Lead {
  kind: string
  subject:
    | { type: 'facility'; layer: string; id: number; kind: string; name: string }
    | { type: 'report'; trackingCode: string; category: string; status: string; priority: string }
  location: { lon: number; lat: number }
  unit: Place | null
  district: { adcode: number; name: string | null } | null
  /** The zone, with its layer's titles from the catalogue. */
  zone: {
    layer: string
    title_zh: string
    title_en: string
    id: number
    properties: Record<string, unknown>
  } | null
  /** For a cluster: the reports counted, within what radius and over how many days. */
  cluster: { reports: number; radius_m: number; days: number } | null
  rules: LeadRule[]
  /** The ground in English, for a lead whose kind the page cannot write itself. */
  basis: string
}

/**
 * What a staff request came to: an answer; `signed-out` for a token the API no longer takes
 * (401), so the page asks for one again; another 4xx with the API's error; or no answer.
 */
export type StaffOutcome<T> =
  | { kind: 'answered'; body: T }
  | { kind: 'signed-out'; code: TokenError | undefined }
  | ({ kind: 'refused' } & Refusal)
  | { kind: 'failed'; reason: 'network' | 'server' }

/** The header the staff API reads the token from. */
export function authorization(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/** GETs a staff path as JSON. Never throws: a network failure is an outcome too. */
export function staffGet<T>(path: string, token: string): Promise<StaffOutcome<T>> {
  const headers = { ...authorization(token), accept: 'application/json' }
  return call(path, { headers }, json<T>)
}

/** POSTs a JSON body to a staff path. */
export function staffPost<T>(path: string, token: string, body: unknown): Promise<StaffOutcome<T>> {
  return call(
    path,
    {
      method: 'POST',
      headers: { ...authorization(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    json<T>,
  )
}

/** GETs a staff path as bytes: a photo or the CSV export, which need the token too. */
export function staffBlob(path: string, token: string): Promise<StaffOutcome<Blob>> {
  return call(path, { headers: authorization(token) }, (response) => response.blob())
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

async function call<T>(
  path: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
): Promise<StaffOutcome<T>> {
  let response: Response
  try {
    // Answers are never cached (no-store); this keeps a browser cache out as well.
    response = await fetch(`${STAFF_API}${path}`, { ...init, cache: 'no-store' })
  } catch {
    return { kind: 'failed', reason: 'network' }
  }
  if (response.ok) {
    try {
      return { kind: 'answered', body: await read(response) }
    } catch {
      return { kind: 'failed', reason: 'server' }
    }
  }
  if (response.status < 400 || response.status >= 500) return { kind: 'failed', reason: 'server' }

  const body: unknown = await response.json().catch(() => undefined)
  const error = isRecord(body) && isRecord(body.error) ? body.error : {}
  if (response.status === 401) {
    return { kind: 'signed-out', code: isTerm(TOKEN_ERRORS, error.code) ? error.code : undefined }
  }
  return {
    kind: 'refused',
    status: response.status,
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    ...(typeof error.message === 'string' ? { message: error.message } : {}),
    ...(typeof error.field === 'string' ? { field: error.field } : {}),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
