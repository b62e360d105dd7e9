import type { Strings } from '../i18n/index.ts'
import { isTerm } from '../zoning/zoning-terms.ts'
import {
  CONTACT_CONTROLS,
  REPORT_ERRORS,
  type ReportControl,
  type ReportProblem,
} from './report-terms.ts'

/** A message for a form: where it goes (nowhere in particular when undefined) and its text. */
export interface ReportMessage {
  control: ReportControl | undefined
  text: string
  /** The API's own message, in English, shown below the text. */
  detail?: string
}

/** One problem of one field, as the API lists them in a refusal. */
export interface RefusalProblem {
  code?: string
  message?: string
  field?: string
}

/** An API refusal as the pages read it: its first problem, and all when the API lists them. */
export interface Refusal extends RefusalProblem {
  status: number
  /** Every problem of the report's fields, the first being the refusal's own. */
  problems?: RefusalProblem[]
  /** Seconds, from `Retry-After`. */
  retryAfter?: number
}

const FIELD_CONTROLS: Record<string, ReportControl> = {
  category: 'category',
  location: 'place',
  'location.lon': 'place',
  'location.lat': 'place',
  'location.crs': 'datum',
  observedAt: 'observedAt',
  description: 'description',
  photos: 'photos',
  contact: 'contactName',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  'contact.email': 'contactEmail',
}

/** The control an API error's `field` names; undefined for a field the form does not have. */
export function controlOfField(field: string | undefined): ReportControl | undefined {
  if (field === undefined) return undefined
  if (/^photos\[\d+\]$/.test(field)) return 'photos'
  return Object.hasOwn(FIELD_CONTROLS, field) ? FIELD_CONTROLS[field] : undefined
}

/**
 * A refusal of `POST /api/reports` as the form shows it: beside the control its `field` names,
 * in the interface's words for the codes it knows (saying which photo for `photos[i]`), with the
 * API's message as the detail.
 */
export function refusalMessage(refusal: Refusal, t: Strings): ReportMessage {
  const f = t.reportForm
  const control = controlOfField(refusal.field)
  let text = isTerm(REPORT_ERRORS, refusal.code) ? f.errors[refusal.code] : f.errorOther

  if (refusal.code === 'PARAMETER_MISSING') {
    const missing: Partial<Record<ReportControl, string>> = {
      category: f.problems['category-missing'],
      place: f.problems['place-missing'],
      observedAt: f.problems['observed-missing'],
      description: f.problems['description-missing'],
    }
    text = (control && missing[control]) ?? text
  }
  if (refusal.code === 'CONTACT_INVALID' && isTerm(CONTACT_CONTROLS, control)) {
    text = f.contactInvalid[control]
  }
  const photo = /^photos\[(\d+)\]$/.exec(refusal.field ?? '')
  if (photo) text = f.photoNumber(String(Number(photo[1]) + 1)) + text
  if (refusal.code === 'RATE_LIMITED' && refusal.retryAfter !== undefined) {
    text += f.retryAfter(String(Math.max(1, Math.ceil(refusal.retryAfter / 60))))
  }
  return { control, text, ...(refusal.message ? { detail: refusal.message } : {}) }
}

/**
 * Every problem of a refusal of `POST /api/reports` as the form shows them, in the API's order
 * (that of the fields): each problem it lists, or the refusal alone when it lists none.
 */
export function refusalMessages(refusal: Refusal, t: Strings): ReportMessage[] {
  const problems = refusal.problems ?? []
  if (problems.length === 0) return [refusalMessage(refusal, t)]
  return problems.map((problem) => refusalMessage({ status: refusal.status, ...problem }, t))
}

const PROBLEM_CONTROLS: Record<ReportProblem, ReportControl> = {
  'category-missing': 'category',
  'place-missing': 'place',
  'place-unreadable': 'place',
  'observed-missing': 'observedAt',
  'description-missing': 'description',
  'description-too-long': 'description',
  'photos-too-many': 'photos',
  'photo-type': 'photos',
  'photo-too-large': 'photos',
}

/** A problem the form found before sending, beside the control it concerns. */
export function problemMessage(problem: ReportProblem, t: Strings): ReportMessage {
  return { control: PROBLEM_CONTROLS[problem], text: t.reportForm.problems[problem] }
}

/**
 * A refusal of `GET /api/reports/{code}` as the lookup page shows it, always beside the code:
 * a malformed code, an unknown one, or too many lookups.
 */
export function trackRefusalText(refusal: Refusal, t: Strings): string {
  const f = t.reportForm
  const known = ['TRACKING_CODE_INVALID', 'REPORT_NOT_FOUND', 'RATE_LIMITED'] as const
  if (!isTerm(known, refusal.code)) return t.reportTrack.errorOther
  let text = f.errors[refusal.code]
  if (refusal.code === 'RATE_LIMITED' && refusal.retryAfter !== undefined) {
    text += f.retryAfter(String(Math.max(1, Math.ceil(refusal.retryAfter / 60))))
  }
  return text
}
