import { describe, expect, it } from 'vitest'
import { exampleCall } from '../../../portal/src/pages/about/api/_api-examples.ts'
import { readApi, type ApiOperation } from '../../../portal/src/pages/about/api/_openapi-view.ts'

const json = { 'application/json': { schema: {} } }

// Operations shaped like the server's, and a few it does not have yet (PUT, DELETE, a form).
const DOC = {
  openapi: '3.1.0',
  paths: {
    '/api/lookup': {
      get: {
        operationId: 'lookUpPoint',
        parameters: [
          { name: 'lon', in: 'query', required: true, schema: { type: 'number' }, example: 112.5 },
          { name: 'lat', in: 'query', required: true, schema: { type: 'number' }, example: 26.9 },
          { name: 'crs', in: 'query', schema: { enum: ['EPSG:4326', 'gcj02'] } },
        ],
        responses: { '200': { description: 'ok', content: json } },
      },
    },
    '/api/search': {
      get: {
        operationId: 'searchPlaces',
        parameters: [
          { name: 'q', in: 'query', required: true, example: "衡阳 O'Hare", schema: {} },
          { name: 'limit', in: 'query', schema: { type: 'integer', default: 10 }, example: 5 },
        ],
        responses: { '200': { description: 'ok', content: json } },
      },
    },
    '/tiles/{layer}/{z}/{x}/{y}.mvt': {
      get: {
        operationId: 'getLayerTile',
        parameters: [
          { name: 'layer', in: 'path', required: true, schema: { examples: ['control_units'] } },
          { name: 'z', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'x', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'y', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'Accept-Encoding', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'tile',
            content: { 'application/vnd.mapbox-vector-tile': { schema: {} } },
          },
        },
      },
    },
    '/api/admission-check': {
      post: {
        operationId: 'checkAdmission',
        requestBody: { content: json },
        responses: { '200': { description: 'ok', content: json } },
      },
    },
    '/api/notes/{code}': {
      put: {
        operationId: 'putNote',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  text: { type: 'string', examples: ['Hello'] },
                  level: { enum: ['low', 'high'] },
                  extra: { type: 'string' },
                },
                required: ['text', 'level'],
              },
            },
          },
        },
        responses: { '200': { description: 'ok', content: json } },
      },
      delete: {
        operationId: 'deleteNote',
        parameters: [{ name: 'code', in: 'path', required: true, example: 'N1', schema: {} }],
        responses: { '204': { description: 'gone' } },
      },
    },
    '/api/uploads': {
      post: {
        operationId: 'upload',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { name: { type: 'string', examples: ["it's"] } },
                required: ['name'],
              },
            },
          },
        },
        responses: { '201': { description: 'made', content: json } },
      },
    },
  },
}

const operations = new Map<string, ApiOperation>(
  readApi(DOC).flatMap((group) => group.operations.map((o): [string, ApiOperation] => [o.id, o])),
)
const call = (id: string) => exampleCall(DOC, operations.get(id)!)

describe('exampleCall', () => {
  it('puts required query parameters with their values into the URL', () => {
    expect(call('searchPlaces')).toMatch(/^curl -i -G "\$ORIGIN\/api\/search" /)
    // Places are the centre the portal's map opens on, so that they find the sample's zoning.
    expect(call('lookUpPoint')).toBe('curl -i "$ORIGIN/api/lookup?lon=112.57&lat=26.89"')
  })

  it('encodes query values through curl when they are not safe in a URL as they are', () => {
    expect(call('searchPlaces')).toBe(
      `curl -i -G "$ORIGIN/api/search" --data-urlencode 'q=衡阳 O'\\''Hare' ` +
        "--data-urlencode 'limit=5'",
    )
  })

  it('fills path parameters from examples or a tile over Hengyang; saves tiles to a file', () => {
    // The zoom-10 tile holding 112.57, 26.89: x = floor((112.57 + 180) / 360 × 1024) = 832,
    // y = floor((1 − asinh(tan 26.89°) / π) / 2 × 1024) = floor(432.54) = 432.
    expect(call('getLayerTile')).toBe(
      'curl --compressed -o 432.mvt "$ORIGIN/tiles/control_units/10/832/432.mvt"',
    )
  })

  it('sends the admission check a site in Hengyang as JSON, quoted from the shell', () => {
    const lines = call('checkAdmission').split('\n')
    expect(lines[0]).toBe(
      'curl -i "$ORIGIN/api/admission-check" -H \'Content-Type: application/json\' ' +
        "--data-binary @- <<'JSON'",
    )
    expect(lines.at(-1)).toBe('JSON')
    expect(JSON.parse(lines.slice(1, -1).join('\n'))).toMatchObject({
      industry: 'C2614',
      geometry: { type: 'Polygon' },
    })
  })

  it('builds a body from the required fields of the schema, with the method named', () => {
    const lines = call('putNote').split('\n')
    expect(lines[0]).toBe(
      'curl -i -X PUT "$ORIGIN/api/notes/{code}" -H \'Content-Type: application/json\' ' +
        "--data-binary @- <<'JSON'",
    )
    expect(JSON.parse(lines.slice(1, -1).join('\n'))).toEqual({ text: 'Hello', level: 'low' })
    expect(call('deleteNote')).toBe('curl -i -X DELETE "$ORIGIN/api/notes/N1"')
  })

  it('sends a form field by field when the body can only be a form', () => {
    expect(call('upload')).toBe(`curl -i "$ORIGIN/api/uploads" -F 'name=it'\\''s'`)
  })
})
