import { isCheckAnswer } from '../check/check-client.ts'
import type { CheckAnswer, SiteGeometry } from '../check/check-types.ts'
import type { ProjectKind } from '../zoning/zoning-terms.ts'
import type { PrecheckRefusal, RefusalProblem } from './precheck-errors.ts'
import type { SiteTextField } from './site-text.ts'

/** Where `POST` sends a check. */
export const CHECK_URL = '/api/admission-check'

/** The form field an uploaded site file goes in; the API names it in errors about the file. */
export const FILE_FIELD = 'file'

interface Project {
  /** A GB/T 4754-2017 code, as the user chose or typed it. */
  industry: string
  projectKind: ProjectKind
}

/**
 * A check to send: a drawn site (WGS84 GeoJSON), an uploaded file, or typed text in the API
 * field it belongs to. `crs` is left out when the API's own default applies.
 */
export type PrecheckRequest = Project &
  (
    | { site: 'drawn'; geometry: SiteGeometry }
    | { site: 'file'; file: Blob; fileName: string; crs?: string }
    | { site: 'text'; field: SiteTextField; text: string; crs?: string }
  )

/** What sending a check came to. `refused` is a 4xx with the API's error, whatever it says. */
export type PrecheckOutcome =
  | { kind: 'answered'; answer: CheckAnswer }
  | ({ kind: 'refused' } & PrecheckRefusal)
  | { kind: 'failed'; reason: 'network' | 'server' }

/**
 * The request's method, headers and body: JSON for a drawn site, a multipart/form-data form for
 * a file or typed text, whose fields the API reads as it reads a file's content.
 */
export function precheckInit(request: PrecheckRequest): RequestInit {
  const headers = { accept: 'application/json' }
  if (request.site === 'drawn') {
    const { geometry, industry, projectKind } = request
    return {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ geometry, industry, projectKind }),
    }
  }

  const form = new FormData()
  if (request.site === 'file') form.append(FILE_FIELD, request.file, request.fileName)
  else form.append(request.field, request.text)
  if (request.crs) form.append('crs', request.crs)
  form.append('industry', request.industry)
  form.append('projectKind', request.projectKind)
  // The browser writes the multipart Content-Type, with its boundary, itself.
  return { method: 'POST', headers, body: form }
}

/** Sends a check; never throws, a network failure is an outcome too. */
export async function sendPrecheck(request: PrecheckRequest): Promise<PrecheckOutcome> {
  let response: Response
  try {
    response = await fetch(CHECK_URL, precheckInit(request))
  } catch {
    return { kind: 'failed', reason: 'network' }
  }
  return readPrecheckResponse(response)
}

/** Turns the API's response into an outcome; a 2xx body that is not a check answer fails. */
export async function readPrecheckResponse(response: Response): Promise<PrecheckOutcome> {
  const body: unknown = await response.json().catch(() => undefined)

  if (response.ok) {
    return isCheckAnswer(body) ? { kind: 'answered', answer: body } : failedOnServer
  }
  if (response.status < 400 || response.status >= 500) return failedOnServer

  const error = isRecord(body) && isRecord(body.error) ? body.error : {}
  const problems = Array.isArray(error.problems) ? error.problems.filter(isRecord).map(problem) : []
  return {
    kind: 'refused',
    status: response.status,
    ...problem(error),
    ...(problems.length > 0 ? { problems } : {}),
  }
}

function problem(error: Record<string, unknown>): RefusalProblem {
  return {
    ...text('code', error.code),
    ...text('message', error.message),
    ...text('field', error.field),
  }
}

const failedOnServer: PrecheckOutcome = { kind: 'failed', reason: 'server' }

function text<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
