import {
  arrayOf,
  bounds,
  closedObject,
  datasetInfoSchema,
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
import { industryCode, projectKind } from './openapi-zoning.ts'

const CHECK_ID = '^[A-Za-z0-9_-]{22}$'

const crsField: Json = {
  type: ['string', 'integer'],
  description:
    'System of the coordinates: `EPSG:4326` (the default for degrees), `EPSG:4490`, `gcj02`, ' +
    '`bd09`, or a CGCS2000 Gauss-Krüger code: EPSG:4513–4533 (3° zones, zone number in front ' +
    'of the easting), EPSG:4534–4554 (the same zones without it), EPSG:4491–4512 (6° zones); ' +
    'also as a bare number (`4526`, text or JSON) or an OGC URN. Nothing is guessed: a zone ' +
    'named here, in an EWKT SRID, a .prj, a 带号 or in front of the eastings must agree with ' +
    'the others.',
  examples: ['EPSG:4526', 'gcj02'],
}

const siteFields: Record<string, Json> = {
  geometry: {
    type: 'object',
    description:
      'GeoJSON in longitude/latitude: a Point, LineString, Polygon or MultiPolygon, or a ' +
      'Feature or FeatureCollection of them (several polygons become a MultiPolygon). Rings ' +
      'must be closed; a `crs` member counts only when `crs` names the same system.',
    properties: {
      type: {
        enum: ['Point', 'LineString', 'Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection'],
      },
    },
    required: ['type'],
  },
  wkt: {
    type: 'string',
    description: 'WKT or EWKT of those types, with or without Z (`SRID=4526;POLYGON((…))`).',
  },
  kml: {
    type: 'string',
    description:
      'KML: the geometries of its Placemarks (Point, LineString, Polygon, MultiGeometry).',
  },
  boundaryPoints: {
    type: 'string',
    description:
      'Boundary points (界址点): the land-administration exchange file (`[属性描述]`, ' +
      '`[地块坐标]`), or plain `J1, X, Y` lines; X is the northing and Y the easting, in metres.',
  },
}

const projectFields: Record<string, Json> = {
  crs: crsField,
  industry: {
    type: 'string',
    description:
      'GB/T 4754-2017 code of the project at any level; trimmed and read in upper case. A rule ' +
      'on C26 applies to C2614; a rule on C2614 may apply to a project declared as C26.',
    examples: ['C2614'],
  },
  projectKind: { ...projectKind, default: 'new' },
}

const oneSite = (fields: string[]): Json[] => fields.map((name) => ({ required: [name] }))

const checkRequest: Json = {
  type: 'object',
  description: 'A project and its site; the site comes in exactly one of its four fields.',
  properties: { ...siteFields, ...projectFields },
  additionalProperties: false,
  required: ['industry'],
  oneOf: oneSite(Object.keys(siteFields)),
}

const checkForm: Json = {
  type: 'object',
  description:
    'The same fields as a form, `geometry` as JSON text, or the site as one file (any field ' +
    'name) told by its content: a zipped Shapefile (.shp with .prj), a KMZ, or any of the ' +
    'texts in UTF-8, UTF-16 with a byte-order mark, or GBK. At most 5 MB.',
  properties: {
    file: {
      type: 'string',
      contentMediaType: 'application/octet-stream',
      description: 'The site as a file.',
    },
    ...siteFields,
    geometry: { type: 'string', description: 'GeoJSON text, as `geometry` above.' },
    ...projectFields,
  },
  required: ['industry'],
}

const measuredSite: Record<string, Json> = {
  format: {
    enum: ['geojson', 'wkt', 'kml', 'boundary-points', 'coordinate-list', 'shapefile'],
    description: 'The format the site was read from.',
  },
  field: { type: 'string', description: 'The request field, or form field of the file.' },
  file: {
    type: 'string',
    description: "The uploaded file's name, and the archive member read; only for a file.",
  },
  crs: closedObject('The system the coordinates were read in.', {
    code: { type: 'string', description: 'Its code.', examples: ['EPSG:4326', 'EPSG:4526'] },
    name: { type: 'string', description: 'Its name in words.' },
    from: { type: 'string', description: 'What named it (the crs field, a .prj, the default…).' },
  }),
  conversion: closedObject('How the site was taken to WGS84.', {
    from: { type: 'string', description: 'Code of the source system.' },
    to: { const: 'EPSG:4326' },
    method: { type: 'string', description: 'The method, in words.' },
    errorBoundM: {
      type: 'number',
      minimum: 0,
      description: 'The most the conversion itself may move a position, m.',
    },
  }),
  vertices: {
    type: 'integer',
    minimum: 1,
    description: 'Positions of the site as checked, closing positions of rings included.',
  },
  bbox: bounds('Extent of the site as checked'),
  repairs: arrayOf(
    closedObject('A change made to the site as given.', {
      kind: { enum: ['closed-ring', 'made-valid', 'merged-parts'] },
      message: { type: 'string', description: 'What was changed, in a sentence.' },
    }),
    'Changes made to the site as given.',
  ),
  notes: arrayOf({ type: 'string' }, 'What else to know of how the site was read.'),
  geometry: ref('SiteGeometry'),
  area_m2: nullable('number', 'Area of an area site, m² on the WGS84 ellipsoid; else null.', {
    minimum: 0,
  }),
  length_m: nullable('number', 'Length of a line site, m on the WGS84 ellipsoid; else null.', {
    minimum: 0,
  }),
}

const industryProperties: Record<string, Json> = {
  code: industryCode,
  name_zh: { type: 'string', description: 'Name in Chinese.' },
  name_en: nullable('string', 'Name in English, where the catalogue has one.'),
  level: {
    enum: ['section', 'division', 'group', 'class'],
    description: 'Level in the classification.',
  },
  parent_code: nullable('string', 'Code of the level above; null for a section.'),
}

const storedAnswerHeaders = {
  'Cache-Control': header(
    '`private, max-age=31536000, immutable`: a stored answer never changes.',
    true,
    { const: 'private, max-age=31536000, immutable' },
  ),
}

const industryCacheControl = header('`public, max-age=300`.', true, {
  const: 'public, max-age=300',
})

/** The admission check of a project site, its stored answers, and the industry catalogue. */
export const admissionArea: OpenApiArea = {
  paths: {
    '/api/admission-check': {
      post: {
        operationId: 'checkAdmission',
        tags: ['Admission check'],
        summary: 'Pre-check a project site against the zoning',
        description:
          'The units and zones the site is in, the sensitive zones near it, every rule that ' +
          'applies to the project’s industry and kind, and a verdict with reasons. The answer ' +
          'is stored before it is sent; `Content-Location` names where to fetch it again. A ' +
          'site may have 10,000 vertices and span 5° each way and 1,000 km².',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: checkRequest },
            'multipart/form-data': {
              schema: checkForm,
              encoding: { file: { contentType: 'application/octet-stream' } },
            },
          },
        },
        responses: {
          '200': {
            description: 'The answer, as stored.',
            headers: {
              'Cache-Control': headers.noStore,
              'Content-Location': header(
                'Where the stored answer is: `/api/admission-check/{id}`.',
                true,
                {
                  type: 'string',
                  pattern: '^/api/admission-check/[A-Za-z0-9_-]{22}$',
                },
              ),
            },
            content: jsonContent(ref('CheckAnswer')),
          },
          '400': errorResponse(
            'The request is malformed: `PARAMETER_MISSING` (no site, no industry), ' +
              '`SITE_FIELDS_CONFLICT` (the site given twice), `FIELD_UNKNOWN` (a field a check ' +
              'does not take, e.g. a misspelt one), `PARAMETER_REPEATED`, ' +
              '`BODY_INVALID`, `BODY_INVALID_JSON`, `BODY_ENCODING_INVALID`, ' +
              '`BODY_FORBIDDEN_KEY` or `UPLOAD_INVALID`. ' +
              'Every field is checked, and `problems` lists what is wrong with each, in this ' +
              'order: `crs`, the site, `industry`, `projectKind`, then an industry the ' +
              'catalogue lacks and a site outside the zoning; the error itself first. The ' +
              'answer is a 400 when any problem is, so the error may carry a code of the 422 ' +
              'below. Refused alone, without `problems`: a body that is no JSON object, a form ' +
              'malformed or of too many parts, a field a check does not take, a form field or ' +
              "a key of a JSON body or of a form's `geometry` text given twice.",
          ),
          '413': errorResponse(
            'Too large: `PAYLOAD_TOO_LARGE` (a JSON body over 2 MB), `UPLOAD_TOO_LARGE` (a file ' +
              'or field over 5 MB) or `SITE_TOO_COMPLEX` (over 10,000 vertices); alone, without ' +
              '`problems`.',
          ),
          '415': errorResponse(
            '`UNSUPPORTED_MEDIA_TYPE`: the body is neither JSON nor multipart/form-data.',
          ),
          '422': errorResponse(
            'The request is well formed but cannot be checked: `INDUSTRY_INVALID`, ' +
              '`INDUSTRY_UNKNOWN` (not in the loaded catalogue), `PROJECT_KIND_INVALID`, ' +
              '`OUTSIDE_COVERAGE` (wholly outside the zoning), `SITE_TOO_LARGE`, ' +
              '`GEOMETRY_INVALID`, `WKT_INVALID`, `KML_INVALID`, `BOUNDARY_POINTS_INVALID`, ' +
              '`SHAPEFILE_INVALID`, `FILE_UNRECOGNISED`, `CRS_UNSUPPORTED`, `CRS_CONFLICT`, ' +
              '`CRS_REQUIRED`, `ZONE_CONFLICT`, `ZONE_REQUIRED` or `COORDINATES_SWAPPED`; ' +
              '`problems` as for a 400, all with these codes. The site is read in the `crs`, ' +
              'so a `crs` that cannot be read leaves it unread, found only missing or given ' +
              'twice; a conflict of the two names `crs` and stands in the place of the site.',
          ),
          ...serverErrors,
          '503': errorResponse(
            'Retry after the seconds in `Retry-After`: `CHECKS_BUSY` (as many checks run and ' +
              'wait as the server takes at once), `QUERY_TIMEOUT` or `DATABASE_UNAVAILABLE`.',
            { 'Retry-After': headers.retryAfter },
          ),
        },
      },
    },
    '/api/admission-check/{id}': {
      get: {
        operationId: 'getAdmissionCheck',
        tags: ['Admission check'],
        summary: 'A stored check answer',
        description:
          'The answer of an earlier check, byte for byte as first sent, whatever the data has ' +
          'become since. The portal shows it as a printable report at `/check/?id={id}`.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The id of the check: 22 URL-safe base64 characters.',
            schema: { type: 'string', pattern: CHECK_ID },
          },
        ],
        responses: {
          '200': {
            description: 'The stored answer.',
            headers: storedAnswerHeaders,
            content: jsonContent(ref('CheckAnswer')),
          },
          '400': errorResponse('`CHECK_ID_INVALID`: not the shape of a check id.'),
          '404': errorResponse('`CHECK_NOT_FOUND`: no check has this id.'),
          ...serverErrors,
        },
      },
    },
    '/api/industries': {
      get: {
        operationId: 'searchIndustries',
        tags: ['Industries'],
        summary: 'Search the GB/T 4754-2017 catalogue',
        description:
          'By code prefix (the section letter may be left out: `2614` finds C2614) or by part of ' +
          'the Chinese or English name. The exact code first, then the codes under it, then ' +
          'names equal to `q`, starting with it and containing it; broader codes first within ' +
          'each.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: 'Part of a code or name; 1–50 characters once trimmed.',
            schema: { type: 'string', minLength: 1, maxLength: 50 },
            example: 'C26',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'The most industries to answer.',
            schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        ],
        responses: {
          '200': {
            description: 'The industries found, best first.',
            headers: { 'Cache-Control': industryCacheControl },
            content: jsonContent(
              closedObject('A page of the search.', {
                q: { type: 'string', description: 'The search text, trimmed.' },
                limit: { type: 'integer', minimum: 1, maximum: 100, description: 'The limit.' },
                industries: arrayOf(ref('Industry'), 'Matches, best first.'),
                more: { type: 'boolean', description: 'Whether more match than the limit.' },
              }),
            ),
          },
          '400': errorResponse(
            '`PARAMETER_MISSING`, `PARAMETER_TOO_LONG`, `PARAMETER_INVALID` (control ' +
              'characters), `PARAMETER_REPEATED`, `PARAMETER_UNKNOWN` or `LIMIT_INVALID`.',
          ),
          ...serverErrors,
        },
      },
    },
    '/api/industries/{code}': {
      get: {
        operationId: 'getIndustry',
        tags: ['Industries'],
        summary: 'One industry with its broader and narrower ones',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'A GB/T 4754-2017 code, in any case.',
            schema: { type: 'string', pattern: '^\\s*[A-Ta-t]([0-9]{2,4})?\\s*$' },
            example: 'C2614',
          },
        ],
        responses: {
          '200': {
            description: 'The industry.',
            headers: { 'Cache-Control': industryCacheControl },
            content: jsonContent(ref('IndustryFamily')),
          },
          '400': errorResponse('`INDUSTRY_INVALID`: not the shape of a code.'),
          '404': errorResponse('`INDUSTRY_NOT_FOUND`: the loaded catalogue lacks the code.'),
          ...serverErrors,
        },
      },
    },
  },

  schemas: {
    Industry: closedObject('An entry of the GB/T 4754-2017 catalogue.', industryProperties),
    IndustryFamily: closedObject('An industry with the ones above and just below it.', {
      ...industryProperties,
      ancestors: arrayOf(ref('Industry'), 'The broader industries above it, section first.'),
      children: arrayOf(ref('Industry'), 'The industries directly under it.'),
    }),
    CheckRule: {
      $ref: '#/components/schemas/Rule',
      type: 'object',
      description: 'A rule in force at the site that applies to the project.',
      properties: {
        match: {
          enum: ['applies', 'may_apply'],
          description:
            '`applies` when the rule names the project’s industry or a broader one; ' +
            '`may_apply` when it names a narrower class the declared industry includes.',
        },
      },
      required: ['match'],
      unevaluatedProperties: false,
    },
    CheckAnswer: closedObject('The answer of an admission check.', {
      id: {
        type: 'string',
        pattern: CHECK_ID,
        description: '128 random bits as 22 URL-safe base64 characters.',
      },
      checkedAt: isoTime('When the check ran'),
      inputSha256: {
        type: 'string',
        pattern: '^[0-9a-f]{64}$',
        description:
          'sha256 (hex) of the RFC 8785 canonical JSON of the input: the site as received ' +
          '(`{field, value}`, or `{field, bytes_sha256}` for a file), the crs read, the ' +
          'industry and the project kind.',
      },
      verdict: {
        enum: ['forbidden', 'conditional', 'consistent'],
        description:
          '`forbidden` when a forbidding rule applies; `conditional` when one may apply, a ' +
          'rule restricts or conditions the project, or part of the site is outside the ' +
          'zoning; `consistent` otherwise.',
      },
      reasons: arrayOf({ type: 'string' }, 'Why, a sentence each.', { minItems: 1 }),
      coverage: closedObject('How much of the site lies in the zoned area.', {
        share: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'The units’ shares added up; below 0.999 a reason says so.',
        },
      }),
      industry: ref('Industry'),
      projectKind,
      site: closedObject('The site: how it was read, and as checked.', measuredSite, [
        ...Object.keys(measuredSite).filter((name) => name !== 'file'),
      ]),
      units: arrayOf(ref('UnitHit'), 'The units the site is in, largest overlap first.', {
        minItems: 1,
      }),
      zones: arrayOf(ref('ZoneHit'), 'The overlay zones the site is in.'),
      nearby: closedObject('Sensitive zones near the site that it is not in.', {
        within_m: {
          type: 'number',
          minimum: 0,
          description: 'How far was looked, m (`ADMISSION_NEARBY_M`).',
        },
        zones: arrayOf(ref('NearbyZone'), 'Nearest first; at most 100.', { maxItems: 100 }),
        truncated: { type: 'boolean', description: 'Whether more lie within reach.' },
      }),
      rules: arrayOf(ref('CheckRule'), 'Every rule that applies, in code order.'),
      dataset: datasetInfoSchema('The dataset the check read.'),
      dataVersions: {
        type: 'object',
        description: "Each layer's data version at the check, by layer name.",
        additionalProperties: { type: 'integer', minimum: 0 },
      },
      accessList: closedObject('The access list read (it has no version of its own).', {
        rules: { type: 'integer', minimum: 0, description: 'Number of rules.' },
        sha256: {
          type: 'string',
          pattern: '^[0-9a-f]{64}$',
          description: 'sha256 (hex) of the rules as JSON rows in code order.',
        },
      }),
      measurement: closedObject('How areas, lengths and distances were measured, in words.', {
        areas: { type: 'string' },
        lengths: { type: 'string' },
        distances: { type: 'string' },
      }),
    }),
  },
}
