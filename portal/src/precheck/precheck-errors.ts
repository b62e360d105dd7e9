import type { Strings } from '../i18n/index.ts'
import { isTerm } from '../zoning/zoning-terms.ts'
import { CHECK_ERRORS, type FormProblem } from './precheck-terms.ts'

/** The parts of the form a message can stand beside. */
export type PrecheckControl = 'site' | 'crs' | 'industry' | 'projectKind'

/** A message for the form: where it goes (nowhere in particular when undefined) and its text. */
export interface PrecheckMessage {
  control: PrecheckControl | undefined
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

/** An API refusal as the form reads it: its first problem, and all when the API lists them. */
export interface PrecheckRefusal extends RefusalProblem {
  status: number
  /** Every problem of the check's fields, the first being the refusal's own. */
  problems?: RefusalProblem[]
}

/** The fields that carry a site: the API's site fields and the form's file field. */
const SITE_FIELDS = new Set(['geometry', 'wkt', 'kml', 'boundaryPoints', 'file'])

/** The control an API error's `field` names; undefined for a field the form does not have. */
export function controlOfField(field: string | undefined): PrecheckControl | undefined {
  if (field === undefined) return undefined
  if (SITE_FIELDS.has(field)) return 'site'
  if (field === 'crs' || field === 'industry' || field === 'projectKind') return field
  return undefined
}

/**
 * An API refusal as the form shows it: beside the control its `field` names, in the interface's
 * words for the codes it knows, with the API's message as the detail.
 */
export function refusalMessage(error: RefusalProblem, t: Strings): PrecheckMessage {
  const p = t.precheck
  const control = controlOfField(error.field)
  let text = isTerm(CHECK_ERRORS, error.code) ? p.errors[error.code] : p.errorOther
  if (error.code === 'PARAMETER_MISSING') {
    if (control === 'industry') text = p.problems['industry-missing']
    else if (control === 'site') text = p.siteMissing
  }
  return { control, text, ...(error.message ? { detail: error.message } : {}) }
}

/**
 * Every problem of a refusal of `POST /api/admission-check` as the form shows them, in the
 * API's order: each problem it lists, or the refusal alone when it lists none.
 */
export function refusalMessages(refusal: PrecheckRefusal, t: Strings): PrecheckMessage[] {
  const problems = refusal.problems ?? []
  if (problems.length === 0) return [refusalMessage(refusal, t)]
  return problems.map((problem) => refusalMessage(problem, t))
}

/** A problem the form found before sending, beside the control it concerns. */
export function problemMessage(problem: FormProblem, t: Strings): PrecheckMessage {
  const control: PrecheckControl =
    problem === 'industry-missing'
      ? 'industry'
      : problem === 'gauss-kruger-missing'
        ? 'crs'
        : 'site'
  return { control, text: t.precheck.problems[problem] }
}
