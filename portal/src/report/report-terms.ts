/** The vocabulary of the report pages, as the reports API speaks it, in the order shown. */

/** What a report is about, as the 12369 hotline sorts reports. */
export const REPORT_CATEGORIES = [
  'air',
  'water',
  'noise',
  'solid_waste',
  'soil',
  'radiation',
  'ecological_damage',
  'livestock',
] as const
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]

/** The statuses of a report; the first seven are the usual path, `referred` ends it early. */
export const REPORT_STATUSES = [
  'received',
  'accepted',
  'assigned',
  'inspected',
  'rectifying',
  'replied',
  'closed',
  'referred',
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** The datums a place may be given in, as the API's `location.crs` takes them. */
export const PLACE_DATUMS = ['EPSG:4326', 'gcj02', 'bd09'] as const
export type PlaceDatum = (typeof PLACE_DATUMS)[number]

/** The parts of the report form a message can stand beside. */
export const REPORT_CONTROLS = [
  'category',
  'place',
  'datum',
  'observedAt',
  'description',
  'photos',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const
export type ReportControl = (typeof REPORT_CONTROLS)[number]

/** The parts of the contact, which the API checks one by one. */
export const CONTACT_CONTROLS = ['contactName', 'contactPhone', 'contactEmail'] as const
export type ContactControl = (typeof CONTACT_CONTROLS)[number]

/** Problems the form finds itself, before anything is sent. */
export const REPORT_PROBLEMS = [
  'category-missing',
  'place-missing',
  'place-unreadable',
  'observed-missing',
  'description-missing',
  'description-too-long',
  'photos-too-many',
  'photo-type',
  'photo-too-large',
] as const
export type ReportProblem = (typeof REPORT_PROBLEMS)[number]

/** Error codes of the reports API that the pages explain in their own words. */
export const REPORT_ERRORS = [
  'PARAMETER_MISSING',
  'CATEGORY_INVALID',
  'LOCATION_INVALID',
  'COORDINATE_INVALID',
  'COORDINATE_OUT_OF_RANGE',
  'CRS_UNSUPPORTED',
  'OBSERVED_AT_INVALID',
  'OBSERVED_AT_IN_FUTURE',
  'OBSERVED_AT_TOO_OLD',
  'DESCRIPTION_INVALID',
  'DESCRIPTION_TOO_LONG',
  'TEXT_INVALID',
  'CONTACT_INVALID',
  'PHOTO_INVALID',
  'PHOTO_TOO_LARGE',
  'PHOTOS_TOO_MANY',
  'PAYLOAD_TOO_LARGE',
  'FIELD_TOO_LARGE',
  'OUTSIDE_COVERAGE',
  'RATE_LIMITED',
  'TRACKING_CODE_INVALID',
  'REPORT_NOT_FOUND',
] as const
export type ReportError = (typeof REPORT_ERRORS)[number]

/** The most characters a description may hold, counted as the API counts (code points). */
export const DESCRIPTION_MAX = 2000
/** The most photos a report takes, and the most bytes each may have. */
export const PHOTOS_MAX = 3
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
/** The photo types the API reads. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const
