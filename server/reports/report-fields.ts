import { unstorableText } from '../db/storable-text.ts'
import { freeTextProblem } from '../db/text-characters.ts'
import { describeValue } from '../http/describe-value.ts'
import { findDuplicateKey, repeatedKeyMessage } from '../http/duplicate-keys.ts'
import { FieldProblems, HttpError, badRequest, unprocessable } from '../http/http-error.ts'
import { parsePointQuery, type PointQuery } from '../zoning/point-query.ts'
import { REPORT_CATEGORIES, isReportCategory, type ReportCategory } from './report-category.ts'

export const DESCRIPTION_MAX_CHARACTERS = 2000

/** Contact details a reporter may leave; every part optional. */
export interface ReportContact {
  name?: string
  phone?: string
  email?: string
}

/** A report's fields, read and checked; the photos come apart. */
export interface ReportFields {
  category: ReportCategory
  location: PointQuery
  observedAt: Date
  description: string
  contact: ReportContact | undefined
}

const FIELDS = ['category', 'location', 'observedAt', 'description', 'contact']
const LOCATION_FIELDS = ['lon', 'lat', 'crs']
const CONTACT_LIMITS = { name: 50, phone: 30, email: 254 } as const

/** How far ahead of the server's clock an observation time may be, for clocks that drift. */
const CLOCK_SKEW_MS = 10 * 60_000
/** The oldest observation a report may name. */
const OBSERVED_MAX_AGE_DAYS = 366

/**
 * Reads the fields of a report: `category` (one of REPORT_CATEGORIES), `location`
 * (`{ lon, lat, crs }`, crs as the lookup takes it, default EPSG:4326), `observedAt` (ISO 8601;
 * a time without an offset is China Standard Time, +08:00; not in the future and at most a year
 * old), `description` (1–2,000 characters, kept as plain text) and an optional `contact`
 * (`{ name, phone, email }`). From a form, `location` and `contact` come as JSON text. A
 * field a report does not have is refused alone (400 FIELD_UNKNOWN); otherwise every field, and
 * every part of `contact`, is read, and whatever is missing, unknown, of the wrong type or out
 * of range is thrown together as FieldProblems, in the order above (the parts of `contact` in
 * the order sent), each naming its field.
 */
export function readReportFields(
  fields: Record<string, unknown>,
  form: boolean,
  now: Date,
): ReportFields {
  const unknown = Object.keys(fields).find((name) => !FIELDS.includes(name))
  if (unknown === 'photos') {
    // A form's photos come as files; as text, or in a JSON body, they cannot be read.
    const message = form
      ? 'photos must be sent as files (JPEG or PNG) in the form, not as text.'
      : 'photos come in a multipart/form-data report, as files; a JSON report holds none.'
    throw badRequest('FIELD_UNKNOWN', message, unknown)
  }
  if (unknown !== undefined) {
    const message = `${describeValue(unknown)} is not a report field; send ${FIELDS.join(', ')}.`
    throw badRequest('FIELD_UNKNOWN', message, unknown)
  }
  const problems: HttpError[] = []
  const attempt = collecting(problems)
  const category = attempt(() => readCategory(fields.category))
  const location = attempt(() =>
    readLocation(form ? fromJsonText(fields.location, 'location') : fields.location),
  )
  const observedAt = attempt(() => readObservedAt(fields.observedAt, now))
  const description = attempt(() => readDescription(fields.description))
  const contact = attempt(() =>
    readContact(form ? fromJsonText(fields.contact, 'contact') : fields.contact, attempt),
  )

  const [first, ...more] = problems
  if (first) throw new FieldProblems([first, ...more])
  // Without problems, every reader above returned its value.
  return {
    category: category!,
    location: location!,
    observedAt: observedAt!,
    description: description!,
    contact,
  }
}

/** Runs a reader and keeps what it throws as a problem instead; undefined when it threw. */
type Attempt = <T>(read: () => T) => T | undefined

function collecting(problems: HttpError[]): Attempt {
  return (read) => {
    try {
      return read()
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      problems.push(...(error instanceof FieldProblems ? error.problems : [error]))
      return undefined
    }
  }
}

function required(value: unknown, field: string, expected: string): void {
  if (value === undefined || value === null || value === '') {
    throw badRequest('PARAMETER_MISSING', `${field} is required: ${expected}.`, field)
  }
}

function fromJsonText(value: unknown, field: string): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw badRequest('FIELD_INVALID', `${field} must be a JSON object in this form.`, field)
  }
  const repeated = findDuplicateKey(value)
  if (repeated !== undefined) {
    const path = `${field}.${repeated}`
    throw badRequest('PARAMETER_REPEATED', repeatedKeyMessage(path), path)
  }
  return parsed
}

function readCategory(value: unknown): ReportCategory {
  const expected = `one of ${REPORT_CATEGORIES.join(', ')}`
  required(value, 'category', expected)
  if (!isReportCategory(value)) {
    const message = `category must be ${expected}, got ${describeValue(value)}.`
    throw badRequest('CATEGORY_INVALID', message, 'category')
  }
  return value
}

function readLocation(value: unknown): PointQuery {
  const expected = 'an object { "lon", "lat", "crs" } in decimal degrees'
  required(value, 'location', expected)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const message = `location must be ${expected}, got ${describeValue(value)}.`
    throw badRequest('LOCATION_INVALID', message, 'location')
  }
  const given = value as Record<string, unknown>
  const unknown = Object.keys(given).find((name) => !LOCATION_FIELDS.includes(name))
  if (unknown !== undefined) {
    const message = `location takes lon, lat and crs, not ${describeValue(unknown)}.`
    throw badRequest('FIELD_UNKNOWN', message, `location.${unknown}`)
  }

  // Each part's problem is listed: those of its type here, the others as the lookup finds them.
  const problems: HttpError[] = []
  const query: Record<string, string | undefined> = {}
  for (const name of LOCATION_FIELDS) {
    const part = given[name]
    if (part === undefined || part === null) continue
    const numeric = name !== 'crs' && typeof part === 'number'
    if (typeof part !== 'string' && !numeric) {
      const kind = name === 'crs' ? 'string' : 'number'
      const message = `location.${name} must be a ${kind}, got ${describeValue(part)}.`
      problems.push(badRequest('LOCATION_INVALID', message, `location.${name}`))
    } else {
      query[name] = String(part)
    }
  }
  let point: PointQuery | undefined
  try {
    point = parsePointQuery(query)
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    const found = error instanceof FieldProblems ? error.problems : [error]
    for (const problem of found) {
      const field = `location.${problem.field ?? 'lon'}`
      // A part of the wrong type was left out, and is not also "required".
      if (problems.some((known) => known.field === field)) continue
      const message = `location.${problem.message}`
      problems.push(new HttpError(problem.status, problem.code, message, field))
    }
  }
  const [first, ...more] = problems
  if (first) throw new FieldProblems([first, ...more])
  return point!
}

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i

function readObservedAt(value: unknown, now: Date): Date {
  const expected = 'a time in ISO 8601, such as 2024-05-01T08:30+08:00'
  required(value, 'observedAt', expected)
  const match = typeof value === 'string' ? ISO_TIME.exec(value.trim()) : null
  if (!match) {
    const message = `observedAt must be ${expected}, got ${describeValue(value)}.`
    throw badRequest('OBSERVED_AT_INVALID', message, 'observedAt')
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset] = match
  const inMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()
  if (
    Number(month) < 1 ||
    Number(month) > 12 ||
    Number(day) < 1 ||
    Number(day) > inMonth ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    const message = `observedAt names no real time: ${describeValue(value)}.`
    throw badRequest('OBSERVED_AT_INVALID', message, 'observedAt')
  }
  const zone = !offset ? '+08:00' : offset.toUpperCase() === 'Z' ? 'Z' : offset
  // Real offsets run from -12:00 to +14:00 in whole minutes; +99:99 would make no time at all.
  const [offsetHours, offsetMinutes] = [zone.slice(1, 3), zone.slice(-2)].map(Number)
  if (zone !== 'Z' && (offsetHours! > 14 || offsetMinutes! > 59)) {
    const message = `observedAt has no real time-zone offset: ${describeValue(value)}.`
    throw badRequest('OBSERVED_AT_INVALID', message, 'observedAt')
  }
  // Offsets may come as +0800; Date reads only +08:00.
  const colonZone = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone
  const millis = fraction.padEnd(3, '0').slice(0, 3)
  const iso =
    `${year}-${month}-${day}T${hour}:${minute}:${second.padStart(2, '0')}.${millis}` + colonZone
  const time = new Date(iso)

  if (time.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    const message = `observedAt ${describeValue(value)} lies in the future; give when it was seen.`
    throw unprocessable('OBSERVED_AT_IN_FUTURE', message, 'observedAt')
  }
  if (time.getTime() < now.getTime() - OBSERVED_MAX_AGE_DAYS * 86_400_000) {
    const message =
      `observedAt ${describeValue(value)} is more than a year ago; ` +
      'report older events by calling 12369.'
    throw unprocessable('OBSERVED_AT_TOO_OLD', message, 'observedAt')
  }
  return time
}

function readDescription(value: unknown): string {
  const expected =
    'what was seen, heard or smelt, in up to ' + `${DESCRIPTION_MAX_CHARACTERS} characters`
  required(typeof value === 'string' ? value.trim() : value, 'description', expected)
  if (typeof value !== 'string') {
    const message = `description must be text, got ${describeValue(value)}.`
    throw badRequest('DESCRIPTION_INVALID', message, 'description')
  }
  const text = value.trim()
  // Marks that draw nothing (zero-width spaces, direction marks) would make an empty report.
  if (!/[^\s\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(text)) {
    const message = `description holds no visible text; say ${expected}.`
    throw badRequest('DESCRIPTION_INVALID', message, 'description')
  }
  plainText(text, 'description')
  const characters = [...text].length
  if (characters > DESCRIPTION_MAX_CHARACTERS) {
    const message =
      `description may hold ${DESCRIPTION_MAX_CHARACTERS} characters; ` +
      `it holds ${characters}. Shorten it.`
    throw unprocessable('DESCRIPTION_TOO_LONG', message, 'description')
  }
  return text
}

/**
 * Refuses what PostgreSQL cannot store as text (see unstorableText): the NUL character, and a
 * lone surrogate, which would otherwise be kept as U+FFFD without a word; and characters that
 * would make the report read otherwise on the staff's screens (see freeTextProblem).
 */
function plainText(text: string, field: string): void {
  const problem = unstorableText(text) ?? freeTextProblem(text)
  if (problem) throw badRequest('TEXT_INVALID', `${field}: ${problem}`, field)
}

const PHONE = /^\+?[0-9][0-9 -]{4,28}[0-9]$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The contact; each part is read through `attempt`, so one bad part hides no other. */
function readContact(value: unknown, attempt: Attempt): ReportContact | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    // Contact text is personal: the message names its kind, never echoes it.
    const kind = typeof value === 'string' ? 'text' : describeValue(value)
    const message = `contact must be an object { "name", "phone", "email" }, got ${kind}.`
    throw badRequest('CONTACT_INVALID', message, 'contact')
  }
  const contact: ReportContact = {}
  for (const [name, part] of Object.entries(value)) {
    const text = attempt(() => readContactPart(name, part))
    if (text !== undefined) contact[name as keyof ReportContact] = text
  }
  return Object.keys(contact).length > 0 ? contact : undefined
}

/** One part of the contact, trimmed; undefined when left empty. */
function readContactPart(name: string, part: unknown): string | undefined {
  const field = `contact.${name}`
  // Own keys only: `toString` is in every object, and no part of a contact.
  if (!Object.hasOwn(CONTACT_LIMITS, name)) {
    throw badRequest('FIELD_UNKNOWN', `contact takes name, phone and email, not ${name}.`, field)
  }
  if (part === undefined || part === null) return undefined
  if (typeof part !== 'string') {
    throw badRequest('CONTACT_INVALID', `${field} must be text, in quotes.`, field)
  }
  const text = part.trim()
  if (text === '') return undefined
  plainText(text, field)
  const limit = CONTACT_LIMITS[name as keyof typeof CONTACT_LIMITS]
  if ([...text].length > limit) {
    throw badRequest('CONTACT_INVALID', `${field} may hold ${limit} characters.`, field)
  }
  if (name === 'phone' && !PHONE.test(text)) {
    const message =
      `${field} must be a phone number of 6 to 30 digits, spaces and hyphens, ` +
      'starting with a digit or +.'
    throw badRequest('CONTACT_INVALID', message, field)
  }
  if (name === 'email' && !EMAIL.test(text)) {
    throw badRequest('CONTACT_INVALID', `${field} must be an e-mail address.`, field)
  }
  return text
}
