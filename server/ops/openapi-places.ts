import {
  arrayOf,
  bounds,
  closedObject,
  errorResponse,
  jsonContent,
  lonLatPair,
  nullable,
  ref,
  serverErrors,
  type Json,
  type OpenApiArea,
} from './openapi-common.ts'
import { unitClass } from './openapi-zoning.ts'

const unitCode: Json = {
  type: 'string',
  pattern: '^ZH[0-9]{11}$',
  description:
    'Control unit code: `ZH`, the 6-digit district code, the class digit and a 4-digit sequence.',
  examples: ['ZH43040720001'],
}

const insidePoint = (what: string): Json =>
  lonLatPair(
    `A point inside the ${what} (PostGIS \`ST_PointOnSurface\`): ` +
      '[longitude, latitude], WGS84, °.',
  )

const placeSchemas: Record<string, Json> = {
  UnitZone: closedObject('An overlay zone that overlaps the unit.', {
    layer: { type: 'string', description: 'The layer the zone belongs to.' },
    title_zh: { type: 'string', description: "The layer's title in Chinese." },
    title_en: { type: 'string', description: "The layer's title in English." },
    id: { type: 'integer', description: 'Id of the feature, as in the tiles.' },
    properties: ref('FeatureProperties'),
    overlap_m2: {
      type: 'number',
      minimum: 0,
      description: 'Area the zone shares with the unit, m² on the WGS84 ellipsoid, to 0.01 m².',
    },
    share: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: "That area as a fraction of the unit's, 0–1, to 1e-6.",
    },
  }),
  UnitRule: {
    $ref: '#/components/schemas/Rule',
    type: 'object',
    description:
      'A rule in force in the whole unit (`scope.kind` `unit` or `class`) or in part of it: in ' +
      'a zone that overlaps it (`zone`, naming the largest such zone) or within a distance of ' +
      'a feature (`distance`, with the true distance from the unit, 0 when it touches or ' +
      'crosses the unit). Rules on industries and kinds of project are listed whatever the ' +
      'project.',
    unevaluatedProperties: false,
  },
  Unit: closedObject('A control unit, what lies in it and what applies there.', {
    code: unitCode,
    name: { type: 'string', description: 'Unit name.' },
    class: unitClass,
    district_adcode: { type: 'integer', description: 'Code of the district (county) it is in.' },
    district_name: nullable('string', 'Name of that district, when the district is loaded.'),
    area_km2: {
      type: 'number',
      minimum: 0,
      description: 'Area of the unit on the WGS84 ellipsoid (PostGIS geography), km², to 1e-6.',
    },
    bbox: bounds('Extent of the unit'),
    point: insidePoint('unit; a lookup there finds this unit'),
    zones: arrayOf(
      ref('UnitZone'),
      'Overlay zones sharing at least 0.01 m² with the unit, in catalogue order, largest first ' +
        'within a layer.',
    ),
    rules: arrayOf(ref('UnitRule'), 'Rules in force in the unit or part of it, in code order.'),
    dataset: ref('DatasetInfo'),
  }),
  PlaceHit: closedObject('A control unit, industrial park or district matching the search.', {
    kind: { enum: ['unit', 'park', 'district'], description: 'What the place is.' },
    code: nullable('string', "A unit's code or a district's administrative code; null for a park."),
    id: { type: 'integer', description: 'Id of the feature in its layer, as in the tiles.' },
    name: { type: 'string', description: 'Its name.' },
    class: {
      oneOf: [unitClass, { type: 'null' }],
      description: "A unit's class; null for parks and districts.",
    },
    district_name: nullable('string', 'The district a unit lies in; null otherwise.'),
    bbox: bounds('Extent of the place'),
    point: insidePoint('place'),
  }),
  PlaceSearch: closedObject('Places matching the search, best first.', {
    q: { type: 'string', description: 'The search text, trimmed.' },
    limit: { type: 'integer', minimum: 1, maximum: 20, description: 'The most places listed.' },
    hits: arrayOf(
      ref('PlaceHit'),
      'Best first: an exact code, an exact name, names (and codes) starting with the text, ' +
        'names (and codes) containing it; shorter names first within each.',
    ),
    more: { type: 'boolean', description: 'Whether more places match than were listed.' },
  }),
}

/** A control unit by its code, and the search over units, parks and districts. */
export const placeArea: OpenApiArea = {
  paths: {
    '/api/units/{code}': {
      get: {
        operationId: 'getUnit',
        tags: ['Places'],
        summary: 'A control unit with its zones and rules',
        description:
          'The unit with this code: its class, district, area on the ellipsoid and extent, the ' +
          'overlay zones that overlap it with their share of it, and the rules in force in all ' +
          'or part of it. The portal shows it at `/units/{code}/`.',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'Unit code; read trimmed and in any case.',
            schema: { type: 'string' },
            example: 'ZH43040720001',
          },
        ],
        responses: {
          '200': { description: 'The unit.', content: jsonContent(ref('Unit')) },
          '400': errorResponse(
            '`UNIT_CODE_INVALID`: the code is not `ZH` and 11 digits; `field` is `code`.',
          ),
          '404': errorResponse('`UNIT_NOT_FOUND`: no loaded unit has the code.'),
          ...serverErrors,
        },
      },
    },
    '/api/search': {
      get: {
        operationId: 'searchPlaces',
        tags: ['Places'],
        summary: 'Units, industrial parks and districts by code or name',
        description:
          'Control units by code or name, industrial parks by name and districts by name or ' +
          'administrative code. Case is ignored; `%` and `_` are plain characters.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: 'What to look for: 1–50 characters once trimmed.',
            schema: { type: 'string', minLength: 1, maxLength: 50 },
            example: '衡阳县',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'The most places to list.',
            schema: { type: 'integer', minimum: 1, maximum: 20, default: 10 },
          },
        ],
        responses: {
          '200': { description: 'The places found.', content: jsonContent(ref('PlaceSearch')) },
          '400': errorResponse(
            'A parameter is wrong: `PARAMETER_MISSING` (no q, or only spaces), ' +
              '`PARAMETER_TOO_LONG`, `PARAMETER_INVALID` (control characters), ' +
              '`PARAMETER_REPEATED`, `PARAMETER_UNKNOWN` or `LIMIT_INVALID`; `field` names it.',
          ),
          ...serverErrors,
        },
      },
    },
    '/api/districts': {
      get: {
        operationId: 'listDistricts',
        tags: ['Places'],
        summary: 'Every district, and where its name goes on a map',
        description:
          'The districts (counties) by administrative code, each with its extent and a label ' +
          'point: the centre of the largest circle inside it, away from its borders.',
        responses: {
          '200': {
            description: 'The districts.',
            content: jsonContent(
              closedObject('The districts.', {
                districts: arrayOf(
                  closedObject('A district.', {
                    adcode: { type: 'integer', description: 'Administrative code.' },
                    name: { type: 'string', description: 'Name, in Chinese.' },
                    label: {
                      ...insidePoint('district, far from its borders'),
                      description:
                        'Where its name goes: the centre of the largest inscribed circle, ' +
                        '[longitude, latitude], WGS84, °.',
                    },
                    bbox: bounds('Extent of the district'),
                  }),
                  'By administrative code.',
                ),
              }),
            ),
          },
          ...serverErrors,
        },
      },
    },
  },
  schemas: placeSchemas,
}
