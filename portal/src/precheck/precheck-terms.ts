/** The vocabulary of the pre-check form, in the order the form shows it. */

/** How a site is given: drawn on the map, uploaded as a file, or typed as text. */
export const SITE_MODES = ['draw', 'file', 'text'] as const
export type SiteMode = (typeof SITE_MODES)[number]

/** What can be drawn on the map. */
export const DRAW_KINDS = ['polygon', 'line', 'point'] as const
export type DrawKind = (typeof DRAW_KINDS)[number]

/**
 * The coordinate systems offered for a file or typed text. `auto` sends no `crs`: degrees are
 * then WGS84, and a file that names its own system (a `.prj`, an SRID, a 带号) is read in it.
 * `gauss-kruger` takes its EPSG code from a field of its own.
 */
export const SITE_CRS_CHOICES = ['auto', 'EPSG:4490', 'gcj02', 'bd09', 'gauss-kruger'] as const
export type SiteCrsChoice = (typeof SITE_CRS_CHOICES)[number]

/** Levels of the GB/T 4754-2017 catalogue, broadest first. */
export const INDUSTRY_LEVELS = ['section', 'division', 'group', 'class'] as const
export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number]

/** Error codes of `POST /api/admission-check` that the form explains in its own words. */
export const CHECK_ERRORS = [
  'PARAMETER_MISSING',
  'INDUSTRY_INVALID',
  'INDUSTRY_UNKNOWN',
  'PROJECT_KIND_INVALID',
  'CRS_UNSUPPORTED',
  'CRS_REQUIRED',
  'CRS_CONFLICT',
  'ZONE_CONFLICT',
  'ZONE_REQUIRED',
  'COORDINATES_SWAPPED',
  'SITE_TOO_COMPLEX',
  'SITE_TOO_LARGE',
  'GEOMETRY_INVALID',
  'WKT_INVALID',
  'KML_INVALID',
  'BOUNDARY_POINTS_INVALID',
  'SHAPEFILE_INVALID',
  'FILE_UNRECOGNISED',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_INVALID',
  'OUTSIDE_COVERAGE',
] as const
export type CheckError = (typeof CHECK_ERRORS)[number]

/** Problems the form finds itself, before anything is sent. */
export const FORM_PROBLEMS = [
  'industry-missing',
  'draw-empty',
  'draw-unfinished',
  'file-missing',
  'file-too-large',
  'text-missing',
  'text-unrecognised',
  'gauss-kruger-missing',
] as const
export type FormProblem = (typeof FORM_PROBLEMS)[number]
