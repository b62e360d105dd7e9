/** The vocabulary of the bureau page, as the staff API speaks it, in the order shown. */

/** Staff roles, from the least to the most power. */
export const STAFF_ROLES = ['viewer', 'officer', 'supervisor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** How urgent a report is, as intake judged it. */
export const PRIORITIES = ['urgent', 'high', 'normal'] as const
export type Priority = (typeof PRIORITIES)[number]

/** The deadline an overdue report missed. */
export const OVERDUE_STEPS = ['acceptance', 'closure'] as const
export type OverdueStep = (typeof OVERDUE_STEPS)[number]

/** Enforcement leads, as `GET /api/staff/leads` sorts them. */
export const LEAD_KINDS = [
  'farm_in_no_raising_zone',
  'outfall_in_water_source_zone',
  'report_in_sensitive_zone',
  'report_in_priority_unit',
  'report_cluster',
] as const
export type LeadKind = (typeof LEAD_KINDS)[number]

/** The shape of a staff token: `ezs_` and 43 URL-safe base64 characters. */
export const STAFF_TOKEN_PATTERN = /^ezs_[A-Za-z0-9_-]{43}$/

/** The filter form's controls, named as the list's query parameters. */
export const FILTER_CONTROLS = [
  'district',
  'category',
  'status',
  'priority',
  'from',
  'to',
  'overdue',
] as const
export type FilterControl = (typeof FILTER_CONTROLS)[number]

/** The status form's controls, named as the transition's fields. */
export const MOVE_CONTROLS = ['to', 'note', 'referredTo', 'assignee'] as const
export type MoveControl = (typeof MOVE_CONTROLS)[number]

/** Refusals of a staff token, which send the page back to sign-in. */
export const TOKEN_ERRORS = [
  'STAFF_TOKEN_MISSING',
  'STAFF_TOKEN_INVALID',
  'STAFF_TOKEN_REVOKED',
] as const
export type TokenError = (typeof TOKEN_ERRORS)[number]

/** Refusals of a status change that the page explains in its own words. */
export const MOVE_ERRORS = [
  'PARAMETER_MISSING',
  'TRANSITION_NOT_ALLOWED',
  'ROLE_FORBIDDEN',
  'FIELD_TOO_LONG',
  'TEXT_INVALID',
  'REPORT_NOT_FOUND',
] as const
export type MoveError = (typeof MOVE_ERRORS)[number]

/** Problems the page finds itself, before anything is sent. */
export const STAFF_PROBLEMS = [
  'token-missing',
  'token-shape',
  'district-shape',
  'dates-reversed',
  'to-missing',
  'referred-to-missing',
  'assignee-missing',
] as const
export type StaffProblem = (typeof STAFF_PROBLEMS)[number]
