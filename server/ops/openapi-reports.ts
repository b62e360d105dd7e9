import {
  arrayOf,
  closedObject,
  errorResponse,
  header,
  headers,
  isoTime,
  jsonContent,
  nullable,
  ref,
  serverErrors,
  type Json,
  type OpenApiArea,
} from './openapi-common.ts'
import { LONLAT_CRS_VALUES, unitClass } from './openapi-zoning.ts'

const TRACKING_CODE = '^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$'

const category: Json = {
  enum: [
    'air',
    'water',
    'noise',
    'solid_waste',
    'soil',
    'radiation',
    'ecological_damage',
    'livestock',
  ],
  description: 'What the report is about, as the 12369 hotline sorts reports.',
}

const status: Json = {
  enum: [
    'received',
    'accepted',
    'referred',
    'assigned',
    'inspected',
    'rectifying',
    'replied',
    'closed',
  ],
  description:
    'Where the report stands: received, then accepted (or referred to the authority it ' +
    'belongs to, which ends it here), assigned, inspected, rectifying, replied and closed.',
}

const coordinate = (description: string): Json => ({
  type: ['number', 'string'],
  description: `${description}, decimal degrees (a number, or the number as text).`,
})

const location = closedObject(
  'Where it was seen.',
  {
    lon: coordinate('Longitude'),
    lat: coordinate('Latitude'),
    crs: { enum: LONLAT_CRS_VALUES, default: 'EPSG:4326', description: 'System of lon and lat.' },
  },
  ['lon', 'lat'],
)

const contact = closedObject(
  'How the bureau may reach the reporter; every part optional, none of it ever shown publicly.',
  {
    name: { type: 'string', maxLength: 50 },
    phone: { type: 'string', pattern: '^\\+?[0-9][0-9 -]{4,28}[0-9]$' },
    email: { type: 'string', format: 'email', maxLength: 254 },
  },
  [],
)

const observedAt: Json = {
  type: 'string',
  description:
    'When it was seen, ISO 8601 (`2024-05-01T08:30+08:00`); a time without an offset is China ' +
    'Standard Time. Not in the future, at most a year ago.',
}

const description: Json = {
  type: 'string',
  minLength: 1,
  maxLength: 2000,
  description: 'What was seen, heard or smelt: 1–2,000 characters of plain text.',
}

const rateLimitHeaders = {
  'RateLimit-Limit': header('Requests allowed per window.', false),
  'RateLimit-Remaining': header('Requests left in this window.', false),
  'RateLimit-Reset': header('Seconds until the window ends.', false),
}

const tooMany = errorResponse(
  '`RATE_LIMITED`: this address made too many requests; try again after `Retry-After` seconds.',
  { 'Retry-After': headers.retryAfter, ...rateLimitHeaders },
)

/** Pollution reports from the public: submitting one, and following it by its tracking code. */
export const reportArea: OpenApiArea = {
  paths: {
    '/api/reports': {
      post: {
        operationId: 'submitReport',
        tags: ['Reports'],
        summary: 'Report pollution',
        description:
          'Stores a report and answers its tracking code once stored. The unit, district and ' +
          'overlay zones at the place are found from the zoning. A client may submit ' +
          '`REPORT_RATE_LIMIT` reports per hour.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: closedObject(
                'A report; other fields are refused. At most 32 KB.',
                { category, location, observedAt, description, contact },
                ['category', 'location', 'observedAt', 'description'],
              ),
            },
            'multipart/form-data': {
              schema: closedObject(
                'The same fields as a form, `location` and `contact` as JSON text, with up to ' +
                  'three photos (JPEG or PNG, at most 8 MB and 100 megapixels each) in ' +
                  '`photos`; their metadata, location included, is stripped before they are ' +
                  'stored.',
                {
                  category,
                  location: { type: 'string', description: '`location` above, as JSON text.' },
                  observedAt,
                  description,
                  contact: { type: 'string', description: '`contact` above, as JSON text.' },
                  photos: arrayOf(
                    { type: 'string', contentMediaType: 'image/*' },
                    'Photos, JPEG or PNG.',
                    { maxItems: 3 },
                  ),
                },
                ['category', 'location', 'observedAt', 'description'],
              ),
              encoding: { photos: { contentType: 'image/jpeg, image/png' } },
            },
          },
        },
        responses: {
          '201': {
            description: 'The report is stored: its public view.',
            headers: {
              'Cache-Control': headers.noStore,
              Location: header('Where to follow it: `/api/reports/{code}`.', true, {
                type: 'string',
                pattern: '^/api/reports/[0-9A-Z-]{23}$',
              }),
              ...rateLimitHeaders,
            },
            content: jsonContent(ref('ReportStatus')),
          },
          '400': errorResponse(
            'A field is missing, unknown or malformed: `PARAMETER_MISSING`, `FIELD_UNKNOWN`, ' +
              '`FIELD_INVALID`, `CATEGORY_INVALID`, `LOCATION_INVALID`, `COORDINATE_INVALID`, ' +
              '`COORDINATE_OUT_OF_RANGE`, `CRS_UNSUPPORTED`, `OBSERVED_AT_INVALID`, ' +
              '`DESCRIPTION_INVALID`, `TEXT_INVALID`, `CONTACT_INVALID`, `PARAMETER_REPEATED`, ' +
              '`PHOTOS_TOO_MANY`, `FORM_INVALID`, `BODY_INVALID`, `BODY_INVALID_JSON` or ' +
              '`BODY_ENCODING_INVALID`; ' +
              '`field` names it. Every field is checked, and `problems` lists what is wrong ' +
              'with each, in the order of the fields (`category`, `location`, `observedAt`, ' +
              '`description`, then the parts of `contact` in the order sent), the error itself ' +
              'first. The answer is a 400 when any problem is, so the error may carry a code of ' +
              'the 422 below. Refused alone, without `problems`: a field the report does not ' +
              'have, a form field or a key of a JSON body given twice, too many photos, a body ' +
              'that is no JSON object.',
          ),
          '413': errorResponse(
            '`PAYLOAD_TOO_LARGE` (a JSON report over 32 KB or a form over its limit), ' +
              '`PHOTO_TOO_LARGE` or `FIELD_TOO_LARGE`.',
          ),
          '415': errorResponse(
            '`UNSUPPORTED_MEDIA_TYPE`: the body is neither JSON nor multipart/form-data.',
          ),
          '422': errorResponse(
            '`OUTSIDE_COVERAGE` (the place is outside the zoning), `OBSERVED_AT_IN_FUTURE`, ' +
              '`OBSERVED_AT_TOO_OLD`, `DESCRIPTION_TOO_LONG` or `PHOTO_INVALID`; `problems` ' +
              "as for a 400, all with these codes. A form's photos are checked as it is read, " +
              'before its fields: `problems` then lists every unreadable photo and nothing ' +
              'else. The place is looked up once the fields pass, and is then the one problem.',
          ),
          '429': tooMany,
          ...serverErrors,
        },
      },
    },
    '/api/reports/{code}': {
      get: {
        operationId: 'getReportStatus',
        tags: ['Reports'],
        summary: 'Follow a report by its tracking code',
        description:
          'Its category, status and history, unit, district and deadlines; never the ' +
          'description, contact, photos or exact place. A client may make ' +
          '`REPORT_LOOKUP_LIMIT` lookups per minute.',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description:
              'The tracking code: 20 Crockford base32 characters in groups of five, read in any ' +
              'case, with or without hyphens, O for 0 and I or L for 1.',
            schema: { type: 'string', minLength: 1 },
            example: '7K3QD-M2X9R-4HB8C-Z1P6N',
          },
        ],
        responses: {
          '200': {
            description: 'The report as anyone holding its code may see it.',
            headers: { 'Cache-Control': headers.noStore, ...rateLimitHeaders },
            content: jsonContent(ref('ReportStatus')),
          },
          '400': errorResponse('`TRACKING_CODE_INVALID`: not the shape of a tracking code.'),
          '404': errorResponse('`REPORT_NOT_FOUND`: no report has this code.'),
          '429': tooMany,
          ...serverErrors,
        },
      },
    },
  },

  schemas: {
    ReportStatus: closedObject('What anyone holding its tracking code may see of a report.', {
      trackingCode: {
        type: 'string',
        pattern: TRACKING_CODE,
        description: '100 random bits as 20 Crockford base32 characters in groups of five.',
      },
      category,
      status,
      observedAt: isoTime('When it was seen'),
      receivedAt: isoTime('When it was received'),
      unit: {
        oneOf: [
          closedObject('The control unit at the place, as at intake.', {
            code: { type: 'string', description: 'Unit code.' },
            name: nullable('string', 'Unit name.'),
            class: { oneOf: [unitClass, { type: 'null' }] },
          }),
          { type: 'null' },
        ],
      },
      district: {
        oneOf: [
          closedObject('The district at the place, as at intake.', {
            adcode: { type: 'integer', description: 'District code.' },
            name: nullable('string', 'District name.'),
          }),
          { type: 'null' },
        ],
      },
      deadlines: closedObject('Deadlines in calendar days.', {
        acceptBy: isoTime('When acceptance or referral is due: receipt plus 15 days'),
        closeBy: {
          oneOf: [
            isoTime('When closure is due: acceptance plus 60 days and any extension'),
            { type: 'null' },
          ],
          description: 'Null before acceptance.',
        },
        overdue: {
          enum: ['acceptance', 'closure', null],
          description: 'The deadline passed with its step undone, or null.',
        },
      }),
      history: arrayOf(
        closedObject(
          'A status the report took.',
          {
            status,
            at: isoTime('When'),
            referredTo: { type: 'string', description: 'The authority it was referred to.' },
          },
          ['status', 'at'],
        ),
        'Every status it took, oldest first.',
        { minItems: 1 },
      ),
    }),
  },
}
