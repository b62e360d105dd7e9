/** A JSON Schema 2020-12 schema, or any other object of the OpenAPI document. */
export type Json = Record<string, unknown>

/** What one area of the API adds to the document: its paths and its named schemas. */
export interface OpenApiArea {
  paths: Record<string, Json>
  schemas: Record<string, Json>
}

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })

export const nullable = (type: string, description: string, extra: Json = {}): Json => ({
  type: [type, 'null'],
  description,
  ...extra,
})

export const arrayOf = (items: Json, description: string, extra: Json = {}): Json => ({
  type: 'array',
  items,
  description,
  ...extra,
})

/** An object whose fields are all known: every one listed, those in `required` always sent. */
export const closedObject = (
  description: string,
  properties: Record<string, Json>,
  required: string[] = Object.keys(properties),
): Json => ({
  type: 'object',
  description,
  properties,
  required,
  additionalProperties: false,
})

export const isoTime = (description: string): Json => ({
  type: 'string',
  format: 'date-time',
  description: `${description} (ISO 8601, UTC).`,
})

export const header = (
  description: string,
  required = true,
  schema: Json = { type: 'string' },
) => ({
  description,
  required,
  schema,
})

export const headers = {
  noStore: header('`no-store`: error answers and personal answers are never cached.', true, {
    const: 'no-store',
  }),
  openCors: header('`*`: any origin may read the answer.', true, { const: '*' }),
  retryAfter: header('Seconds to wait before trying again.', true, {
    type: 'string',
    pattern: '^[0-9]+$',
  }),
  varyHost: header(
    '`Host` when the server has no `PUBLIC_URL`: the URLs in the answer follow the Host header.',
    false,
  ),
}

/** A JSON error answer: the Error body, never cached, the codes it may carry in words. */
export function errorResponse(description: string, extraHeaders: Record<string, Json> = {}): Json {
  return {
    description,
    headers: { 'Cache-Control': headers.noStore, ...extraHeaders },
    content: { 'application/json': { schema: ref('Error') } },
  }
}

export const jsonContent = (schema: Json): Json => ({ 'application/json': { schema } })

/** The 500 and 503 every database-backed operation may answer. */
export const serverErrors: Record<string, Json> = {
  '500': { $ref: '#/components/responses/InternalError' },
  '503': { $ref: '#/components/responses/DatabaseUnavailable' },
}

export const commonResponses: Record<string, Json> = {
  InternalError: errorResponse(
    'An unexpected failure: code `INTERNAL` and a fixed message. No SQL, driver text or ' +
      'stack trace is sent; the request id in `X-Request-Id` finds the log line.',
  ),
  DatabaseUnavailable: errorResponse(
    'The database took longer than its statement timeout (code `QUERY_TIMEOUT`), or cannot be ' +
      'reached, say while it restarts (code `DATABASE_UNAVAILABLE`). Retry after the seconds in ' +
      '`Retry-After`.',
    { 'Retry-After': headers.retryAfter },
  ),
}

const longitude: Json = { type: 'number', minimum: -180, maximum: 180 }
const latitude: Json = { type: 'number', minimum: -90, maximum: 90 }

/** [west, south, east, north] in WGS84 degrees. */
export const bounds = (description: string): Json => ({
  type: 'array',
  description: `${description}: [west, south, east, north], WGS84 longitude/latitude, °.`,
  prefixItems: [longitude, latitude, longitude, latitude],
  minItems: 4,
  maxItems: 4,
})

/** [longitude, latitude] in WGS84 degrees. */
export const lonLatPair = (description: string): Json => ({
  type: 'array',
  description,
  prefixItems: [longitude, latitude],
  minItems: 2,
  maxItems: 2,
})

// The operator sets these with `npm run import -- FILE --layer dataset`; the sample sets its own.
const datasetInfoProperties: Record<string, Json> = {
  name: { type: 'string', description: 'Name of the dataset, in Chinese.' },
  name_en: {
    type: 'string',
    description: 'Name of the dataset, in English; empty when the operator gave none.',
  },
  illustrative: {
    type: 'boolean',
    description:
      'True for demonstration data (the shipped sample), which no decision may rest on; false ' +
      'for data the operator described.',
  },
  notice_zh: {
    type: 'string',
    description: 'The notice to show with the data, in Chinese; may be empty.',
  },
  notice_en: {
    type: 'string',
    description: 'The notice to show with the data, in English; may be empty.',
  },
  version: {
    type: 'string',
    description: 'Version of the dataset as loaded; `none` when nothing is loaded.',
  },
  boundary_source: { type: 'string', description: 'Where the district boundaries come from.' },
  datum_note: {
    type: 'string',
    description: 'Which coordinate system the data is in and how it was converted.',
  },
}
const datasetInfoRequired = ['name', 'name_en', 'illustrative', 'notice_zh', 'notice_en', 'version']

/** The dataset's own description, alone or with more fields beside it. */
export function datasetInfoSchema(
  description: string,
  more: Record<string, Json> = {},
  moreRequired: string[] = Object.keys(more),
): Json {
  return closedObject(description, { ...datasetInfoProperties, ...more }, [
    ...datasetInfoRequired,
    ...moreRequired,
  ])
}

const position = lonLatPair('[longitude, latitude] in WGS84 degrees.')
const ring: Json = { type: 'array', items: position, minItems: 4, description: 'A closed ring.' }
const geometryOf = (type: string, coordinates: Json): Json =>
  closedObject(`A GeoJSON ${type} (RFC 7946).`, { type: { const: type }, coordinates })

/** An error's `code`, `message` and `field`, with `more` fields beside them. */
const errorObject = (description: string, more: Record<string, Json> = {}): Json =>
  closedObject(
    description,
    {
      code: {
        type: 'string',
        pattern: '^[A-Z][A-Z0-9_]*$',
        description: 'Stable code to branch on, such as `LAYER_NOT_FOUND`.',
        examples: ['LAYER_NOT_FOUND'],
      },
      message: {
        type: 'string',
        description: 'What was expected and what came, in a sentence, and how to fix it.',
      },
      field: {
        type: 'string',
        description:
          'The request field, parameter or path segment at fault, when one is; a nested ' +
          'field is written with dots (`location.lat`).',
      },
      ...more,
    },
    ['code', 'message'],
  )

/** The error body, the dataset notice and GeoJSON sites, which every area uses. */
export const commonSchemas: Record<string, Json> = {
  Error: closedObject('The body of every error answer.', {
    error: errorObject('What went wrong; with `problems`, the first of them.', {
      problems: arrayOf(
        errorObject('One problem of one field, which `field` names.'),
        'Every problem found when the fields of a request are checked together, the first ' +
          'being the error itself. Only a refused pollution report (`POST /api/reports`) or ' +
          'admission check (`POST /api/admission-check`) has it.',
        { minItems: 1 },
      ),
    }),
  }),
  DatasetInfo: datasetInfoSchema('The loaded dataset: its name, version and notice.'),
  SiteGeometry: {
    description:
      'A site in WGS84 longitude/latitude, two-dimensional: one point, one line or polygons.',
    oneOf: [
      geometryOf('Point', position),
      geometryOf('LineString', { type: 'array', items: position, minItems: 2 }),
      geometryOf('Polygon', { type: 'array', items: ring, minItems: 1 }),
      geometryOf('MultiPolygon', {
        type: 'array',
        items: { type: 'array', items: ring, minItems: 1 },
        minItems: 1,
      }),
    ],
  },
  FeatureProperties: {
    type: 'object',
    description:
      "A feature's public attributes, named as in its layer's catalogue entry (`GET /tiles`).",
    additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
  },
}
