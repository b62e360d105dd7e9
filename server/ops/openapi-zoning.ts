import {
  arrayOf,
  closedObject,
  errorResponse,
  jsonContent,
  nullable,
  ref,
  serverErrors,
  type Json,
  type OpenApiArea,
} from './openapi-common.ts'

export const LONLAT_CRS_VALUES = ['EPSG:4326', 'EPSG:4490', 'gcj02', 'bd09']

export const unitClass: Json = {
  enum: ['priority', 'key', 'general'],
  description: 'Class of the unit: priority protection, key control or general control.',
}

export const industryCode: Json = {
  type: 'string',
  pattern: '^[A-T]([0-9]{2,4})?$',
  description:
    'A GB/T 4754-2017 code: a section letter alone, or with 2 (division), 3 (group) or 4 ' +
    '(class) digits.',
  examples: ['C2614', 'C26'],
}

export const projectKind: Json = {
  enum: ['new', 'expansion', 'renovation', 'relocation'],
  description:
    'Kind of project: new, expansion, renovation or relocation. A relocation is also bound by ' +
    'the rules on new projects: it is new construction at the site it moves to.',
}

const overlapProperties: Record<string, Json> = {
  overlap_m2: nullable(
    'number',
    'Area of an area site inside, m² on the WGS84 ellipsoid; null for points and lines.',
    { minimum: 0 },
  ),
  overlap_length_m: nullable(
    'number',
    'Length of a line site inside, m on the WGS84 ellipsoid; null for points and areas.',
    { minimum: 0 },
  ),
  share: {
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: 'Fraction of the site inside, 0–1; 1 for a point.',
  },
}

const zoneProperties: Record<string, Json> = {
  layer: { type: 'string', description: 'The layer the zone belongs to.' },
  title_zh: { type: 'string', description: "The layer's title in Chinese." },
  title_en: { type: 'string', description: "The layer's title in English." },
  id: { type: 'integer', description: 'Id of the feature, as in the tiles.' },
  properties: ref('FeatureProperties'),
}

const layerFilter: Json = {
  type: ['object', 'null'],
  description:
    'The attribute values a zone must have for the rule to count (all of them), or null.',
  additionalProperties: { type: 'string' },
}

const scopes: Json[] = [
  closedObject('The rule is one of the unit’s own.', {
    kind: { const: 'unit' },
    unit_code: { type: 'string', description: 'The unit.' },
  }),
  closedObject('The rule holds for every unit of a class.', {
    kind: { const: 'class' },
    unit_class: unitClass,
    unit_code: { type: 'string', description: 'The unit of that class the site is in.' },
  }),
  closedObject('The rule holds in the zones of a layer.', {
    kind: { const: 'zone' },
    layer: { type: 'string', description: 'The layer of the zone.' },
    zone_id: { type: 'integer', description: 'The zone the site is in.' },
    zone_name: nullable('string', 'Its name, when it has one.'),
    layer_filter: layerFilter,
  }),
  closedObject('The rule holds within a distance of the features of a layer.', {
    kind: { const: 'distance' },
    layer: { type: 'string', description: 'The layer measured from.' },
    within_m: { type: 'number', minimum: 0, description: 'The rule’s distance, m.' },
    distance_m: {
      type: 'number',
      minimum: 0,
      description:
        'True distance to the nearest matching feature on the WGS84 ellipsoid, m, to 0.1 m; ' +
        '0 when the site touches it.',
    },
    feature_id: { type: 'integer', description: 'The nearest matching feature.' },
    feature_name: nullable('string', 'Its name, when it has one.'),
    layer_filter: layerFilter,
  }),
]

/** The units, zones and rules that the lookup and the admission check share. */
export const zoningSchemas: Record<string, Json> = {
  UnitHit: closedObject('A control unit the site lies in.', {
    code: { type: 'string', description: 'Unit code.', examples: ['ZH43042110001'] },
    name: { type: 'string', description: 'Unit name.' },
    class: unitClass,
    district_adcode: { type: 'integer', description: 'Code of the district (county) it is in.' },
    district_name: nullable('string', 'Name of that district, when the district is loaded.'),
    area_km2: { type: 'number', minimum: 0, description: 'Area of the unit, km².' },
    ...overlapProperties,
  }),
  ZoneHit: closedObject('An overlay zone the site lies in.', {
    ...zoneProperties,
    ...overlapProperties,
  }),
  NearbyZone: closedObject('A sensitive zone near the site, which the site is not in.', {
    ...zoneProperties,
    distance_m: {
      type: 'number',
      minimum: 0,
      description:
        'True distance from the site on the WGS84 ellipsoid, m, to 0.1 m; 0 when ' +
        'the zone only borders the site.',
    },
  }),
  RuleScope: {
    description: 'What brought the rule into force here, told by `kind`.',
    oneOf: scopes,
  },
  Rule: {
    type: 'object',
    description: 'A rule of the access list in force here.',
    properties: {
      code: { type: 'string', description: 'Rule code.' },
      dimension: {
        enum: ['spatial_layout', 'emission_control', 'risk_prevention', 'resource_efficiency'],
        description: 'What the rule governs.',
      },
      effect: {
        enum: ['forbid', 'restrict', 'condition', 'encourage'],
        description: 'What the rule does to a project it applies to.',
      },
      text_zh: { type: 'string', description: 'The rule, in Chinese.' },
      legal_basis: nullable('string', 'The law or plan it rests on, when named.'),
      industries: arrayOf(
        industryCode,
        'Industries it applies to (and those under them); [] for all.',
      ),
      project_kinds: arrayOf(projectKind, 'Kinds of project it applies to; [] for all.'),
      scope: ref('RuleScope'),
    },
    required: [
      'code',
      'dimension',
      'effect',
      'text_zh',
      'legal_basis',
      'industries',
      'project_kinds',
      'scope',
    ],
  },
  LookupRule: {
    $ref: '#/components/schemas/Rule',
    type: 'object',
    description: 'A rule in force at the point, for any industry and kind of project.',
    unevaluatedProperties: false,
  },
  Lookup: closedObject('What the zoning says at a point.', {
    location: closedObject('The point.', {
      lon: { type: 'number', minimum: -180, maximum: 180, description: 'WGS84 longitude, °.' },
      lat: { type: 'number', minimum: -90, maximum: 90, description: 'WGS84 latitude, °.' },
      input: closedObject('The point as given, before conversion.', {
        lon: { type: 'number', description: 'Longitude as given, °.' },
        lat: { type: 'number', description: 'Latitude as given, °.' },
        crs: { enum: LONLAT_CRS_VALUES, description: 'The system it was given in.' },
      }),
    }),
    unit: {
      oneOf: [ref('UnitHit'), { type: 'null' }],
      description: 'The unit at the point (the first of `units`).',
    },
    units: arrayOf(ref('UnitHit'), 'Every unit at the point: two on a shared edge.', {
      minItems: 1,
    }),
    zones: arrayOf(ref('ZoneHit'), 'Overlay zones at the point, in catalogue order.'),
    rules: arrayOf(ref('LookupRule'), 'Rules in force at the point, in code order.'),
    dataset: ref('DatasetInfo'),
  }),
}

/** The point lookup; the units, zones and rules it shares with the check are in zoningSchemas. */
export const zoningArea: OpenApiArea = {
  paths: {
    '/api/lookup': {
      get: {
        operationId: 'lookUpPoint',
        tags: ['Zoning'],
        summary: 'The unit, zones and rules at a point',
        description:
          'The control unit a point is in (both on a shared edge), the overlay zones there and ' +
          'every rule in force, each with what brought it into force.',
        parameters: [
          {
            name: 'lon',
            in: 'query',
            required: true,
            description: 'Longitude, decimal degrees.',
            schema: { type: 'number', minimum: -180, maximum: 180 },
            example: 112.57,
          },
          {
            name: 'lat',
            in: 'query',
            required: true,
            description: 'Latitude, decimal degrees.',
            schema: { type: 'number', minimum: -90, maximum: 90 },
            example: 26.89,
          },
          {
            name: 'crs',
            in: 'query',
            required: false,
            description:
              'System of lon and lat: WGS84 (the default), CGCS2000 (taken as WGS84), or the ' +
              'offset systems of Chinese web maps, GCJ-02 and BD-09, converted to WGS84. ' +
              '`WGS84`, `CGCS2000`, `gcj-02` and `bd-09` are read too.',
            schema: { enum: LONLAT_CRS_VALUES, default: 'EPSG:4326' },
          },
        ],
        responses: {
          '200': { description: 'The zoning at the point.', content: jsonContent(ref('Lookup')) },
          '400': errorResponse(
            'A parameter is wrong: `PARAMETER_MISSING`, `PARAMETER_REPEATED`, ' +
              '`PARAMETER_UNKNOWN` (one it does not take, e.g. a misspelt crs), ' +
              '`COORDINATE_INVALID`, `COORDINATE_OUT_OF_RANGE` (with a hint when lon and lat ' +
              'look swapped) or `CRS_UNSUPPORTED`; `field` names it. When more than one of ' +
              '`crs`, `lon` and `lat` is wrong, `problems` lists each, in that order.',
          ),
          '422': errorResponse(
            '`OUTSIDE_COVERAGE`: the point is in no control unit (with a hint when the swapped ' +
              'point would be).',
          ),
          ...serverErrors,
        },
      },
    },
  },
  schemas: zoningSchemas,
}
