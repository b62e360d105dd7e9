import { describe, expect, it } from 'vitest'
import {
  codeSpans,
  describeSchema,
  paragraphs,
  readApi,
} from '../../../portal/src/pages/about/api/_openapi-view.ts'

// A small document with what the page has to read: tags, references to parameters, schemas and
// responses, path-level parameters, nested body fields and a site given in one of two fields.
const DOC = {
  openapi: '3.1.0',
  tags: [
    { name: 'Zoning', description: 'What applies at a point.' },
    { name: 'Tiles', description: 'Vector tiles.' },
  ],
  paths: {
    '/tiles/{layer}/{z}.mvt': {
      parameters: [{ $ref: '#/components/parameters/Layer' }],
      get: {
        operationId: 'getTile',
        tags: ['Tiles'],
        summary: 'A tile',
        parameters: [
          {
            name: 'z',
            in: 'path',
            required: true,
            description: 'Zoom.',
            schema: { type: 'integer', minimum: 0, maximum: 24 },
          },
        ],
        responses: {
          '200': {
            description: 'The tile.',
            content: { 'application/vnd.mapbox-vector-tile': { schema: {} } },
          },
          '204': { description: 'Empty.' },
          '500': { $ref: '#/components/responses/Internal' },
        },
      },
    },
    '/api/check': {
      post: {
        tags: ['Zoning'],
        summary: 'A check',
        description: 'Checks a `site`.\n\nSecond paragraph,\non two lines.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: 'A site and a project.',
                properties: {
                  geometry: { type: 'object', description: 'GeoJSON.' },
                  wkt: { type: 'string', description: 'WKT.' },
                  place: {
                    type: 'object',
                    description: 'Where.',
                    properties: { lon: { type: 'number' }, lat: { type: 'number' } },
                    required: ['lon'],
                  },
                  industry: { $ref: '#/components/schemas/Industry' },
                },
                required: ['industry'],
                oneOf: [{ required: ['geometry'] }, { required: ['wkt'] }],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The answer.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Answer' } } },
          },
        },
      },
      get: { summary: 'Untagged', responses: { '200': { description: 'Fine.' } } },
    },
  },
  components: {
    parameters: {
      Layer: {
        name: 'layer',
        in: 'path',
        required: true,
        schema: { type: 'string', description: 'A layer name.', examples: ['units'] },
      },
    },
    schemas: {
      Industry: { type: 'string', description: 'A GB/T 4754 code.', pattern: '^[A-T]\\d*$' },
      Answer: { type: 'object' },
    },
    responses: { Internal: { description: 'Failure.', content: { 'application/json': {} } } },
  },
}

describe('readApi', () => {
  const groups = readApi(DOC)

  it('groups operations by tag in the order of the tags, untagged ones last', () => {
    expect(groups.map((g) => [g.tag, g.operations.map((o) => `${o.method} ${o.path}`)])).toEqual([
      ['Zoning', ['post /api/check']],
      ['Tiles', ['get /tiles/{layer}/{z}.mvt']],
      ['', ['get /api/check']],
    ])
    expect(groups[0]!.description).toBe('What applies at a point.')
  })

  it('names operations by their id, or by method and path when they have none', () => {
    expect(groups.flatMap((g) => g.operations.map((o) => o.id))).toEqual([
      'post-api-check',
      'getTile',
      'get-api-check',
    ])
  })

  it('lists path-level and referenced parameters with where, need, type and description', () => {
    expect(groups[1]!.operations[0]!.parameters).toEqual([
      {
        name: 'layer',
        place: 'path',
        required: true,
        type: 'string',
        description: 'A layer name.',
      },
      { name: 'z', place: 'path', required: true, type: 'integer; 0–24', description: 'Zoom.' },
    ])
  })

  it('lists body fields, nested ones dotted, and the fields of which one must come', () => {
    const [body] = groups[0]!.operations[0]!.bodies
    expect(body!.mediaType).toBe('application/json')
    expect(body!.description).toBe('A site and a project.')
    expect(body!.exactlyOne).toEqual(['geometry', 'wkt'])
    expect(body!.fields.map((f) => [f.name, f.required, f.type, f.description])).toEqual([
      ['geometry', false, 'object', 'GeoJSON.'],
      ['wkt', false, 'string', 'WKT.'],
      ['place', false, 'object', 'Where.'],
      ['place.lon', true, 'number', ''],
      ['place.lat', false, 'number', ''],
      ['industry', true, 'string; pattern `^[A-T]\\d*$`', 'A GB/T 4754 code.'],
    ])
    expect(groups[0]!.operations[0]!.bodyRequired).toBe(true)
  })

  it('lists responses with referenced ones resolved and the names of their schemas', () => {
    expect(groups[1]!.operations[0]!.responses).toEqual([
      {
        status: '200',
        description: 'The tile.',
        contents: [{ mediaType: 'application/vnd.mapbox-vector-tile' }],
      },
      { status: '204', description: 'Empty.', contents: [] },
      { status: '500', description: 'Failure.', contents: [{ mediaType: 'application/json' }] },
    ])
    expect(groups[0]!.operations[0]!.responses[0]!.contents).toEqual([
      { mediaType: 'application/json', schema: 'Answer' },
    ])
  })
})

describe('describeSchema', () => {
  const say = (schema: object) => describeSchema(DOC, schema)

  it('tells type, values, range, length, format and default in a few words', () => {
    expect(say({ type: 'integer', minimum: 1, maximum: 100, default: 20 })).toBe(
      'integer; 1–100; default `20`',
    )
    expect(say({ enum: ['new', 'expansion'], default: 'new' })).toBe(
      'one of `new`, `expansion`; default `new`',
    )
    expect(say({ const: 'no-store' })).toBe('`no-store`')
    expect(say({ type: ['number', 'string'] })).toBe('number or string')
    expect(say({ type: 'string', format: 'date-time' })).toBe('string; date-time')
    expect(say({ type: 'string', minLength: 1, maxLength: 50 })).toBe('string; 1–50 characters')
    expect(say({ type: 'integer', minimum: 0 })).toBe('integer; ≥ 0')
    expect(say({ type: 'string', maxLength: 254 })).toBe('string; at most 254 characters')
    expect(say({ type: 'array', items: { type: 'string' }, minItems: 1 })).toBe(
      'array of string; at least 1 items',
    )
    expect(say({ type: 'string', contentMediaType: 'application/octet-stream' })).toBe(
      'file (application/octet-stream)',
    )
    expect(say({ oneOf: [{ $ref: '#/components/schemas/Answer' }, { type: 'null' }] })).toBe(
      'one of: Answer, null',
    )
    expect(say({ $ref: '#/components/schemas/Industry' })).toBe('string; pattern `^[A-T]\\d*$`')
  })
})

describe('description text', () => {
  it('splits code spans from plain text', () => {
    expect(codeSpans('Send `gzip`, or `br`.')).toEqual([
      { code: false, text: 'Send ' },
      { code: true, text: 'gzip' },
      { code: false, text: ', or ' },
      { code: true, text: 'br' },
      { code: false, text: '.' },
    ])
  })

  it('splits paragraphs at blank lines and joins the lines within one', () => {
    expect(paragraphs('One\ntwo.\n\n  Three.\n')).toEqual(['One two.', 'Three.'])
    expect(paragraphs('')).toEqual([])
  })
})
