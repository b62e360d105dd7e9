import { isTerm } from '../zoning/zoning-terms.ts'
import {
  FILTER_CONTROLS,
  MOVE_CONTROLS,
  STAFF_TOKEN_PATTERN,
  type FilterControl,
  type MoveControl,
  type StaffProblem,
} from './staff-terms.ts'

/** What the filter form holds, each control's value as typed or chosen ('' for any). */
export type FilterDraft = Record<FilterControl, string>

/** A problem with a draft, and the control it is about. */
export interface DraftProblem<C extends string> {
  control: C
  problem: StaffProblem
}

/**
 * The report list's query for a filter draft: only the filters given, trimmed, as
 * `GET /api/staff/reports` (and the tiles, and the CSV) take them; or the problems the form can
 * see itself: a district that is not a 6-digit code, a start day after the end day.
 */
export function readFilter(
  draft: FilterDraft,
): { query: URLSearchParams } | { problems: DraftProblem<FilterControl>[] } {
  const problems: DraftProblem<FilterControl>[] = []
  const query = new URLSearchParams()
  for (const control of FILTER_CONTROLS) {
    const value = draft[control].trim()
    if (value !== '') query.set(control, value)
  }
  const district = query.get('district')
  if (district !== null && !/^\d{6}$/.test(district)) {
    problems.push({ control: 'district', problem: 'district-shape' })
  }
  const from = query.get('from')
  const to = query.get('to')
  // Days as YYYY-MM-DD compare as text.
  if (from !== null && to !== null && from > to) {
    problems.push({ control: 'from', problem: 'dates-reversed' })
  }
  return problems.length > 0 ? { problems } : { query }
}

/** The filter control an API refusal's `field` names; undefined for paging or anything else. */
export function filterControlOf(field: string | undefined): FilterControl | undefined {
  return isTerm(FILTER_CONTROLS, field) ? field : undefined
}

/** What the status form holds. */
export type MoveDraft = Record<MoveControl, string>

/** A status change as `POST /api/staff/reports/{code}/transitions` takes it. */
export interface MoveRequest {
  to: string
  note?: string
  referredTo?: string
  assignee?: string
}

/**
 * The status change a draft asks for, or what is missing: a status, the authority for
 * `referred`, whoever is to handle it for `assigned`, as the API requires them. The note is
 * optional; fields that do not go with the chosen status are left out.
 */
export function readMove(
  draft: MoveDraft,
): { request: MoveRequest } | { problems: DraftProblem<MoveControl>[] } {
  const to = draft.to.trim()
  if (to === '') return { problems: [{ control: 'to', problem: 'to-missing' }] }
  const request: MoveRequest = { to }
  const note = draft.note.trim()
  if (note !== '') request.note = note

  const referredTo = draft.referredTo.trim()
  const assignee = draft.assignee.trim()
  if (to === 'referred') {
    if (referredTo === '') {
      return { problems: [{ control: 'referredTo', problem: 'referred-to-missing' }] }
    }
    request.referredTo = referredTo
  }
  if (to === 'assigned') {
    if (assignee === '') return { problems: [{ control: 'assignee', problem: 'assignee-missing' }] }
    request.assignee = assignee
  }
  return { request }
}

/** The status form's control an API refusal's `field` names. */
export function moveControlOf(field: string | undefined): MoveControl | undefined {
  return isTerm(MOVE_CONTROLS, field) ? field : undefined
}

/** A typed token, trimmed, or the problem the sign-in form can see without asking. */
export function readToken(typed: string): { token: string } | { problem: StaffProblem } {
  const token = typed.trim()
  if (token === '') return { problem: 'token-missing' }
  if (!STAFF_TOKEN_PATTERN.test(token)) return { problem: 'token-shape' }
  return { token }
}
