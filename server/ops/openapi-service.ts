import {
  closedObject,
  datasetInfoSchema,
  header,
  headers,
  isoTime,
  jsonContent,
  nullable,
  serverErrors,
  type Json,
  type OpenApiArea,
} from './openapi-common.ts'

function dependency(description: string, kinds: string[]): Json {
  return closedObject(description, {
    kind: { enum: kinds, description: 'Which one is configured.' },
    state: { enum: ['up', 'down'], description: 'Whether it answers now.' },
  })
}

const healthProperties = {
  status: {
    enum: ['ok', 'degraded'],
    description: '`degraded` while the tile cache or the database does not answer.',
  },
  cache: dependency('The tile cache.', ['memory', 'redis']),
}

function healthSchema(description: string): Json {
  return closedObject(description, healthProperties)
}

function readinessSchema(description: string): Json {
  return closedObject(description, {
    ...healthProperties,
    ready: { type: 'boolean', description: 'Whether this instance should get traffic.' },
    database: dependency('The database.', ['embedded', 'postgres']),
    units: { type: 'integer', minimum: 0, description: 'Control units loaded.' },
  })
}

/** What the service says about itself: the dataset, health, metrics and this document. */

export const serviceArea: OpenApiArea = {
  paths: {
    '/api/dataset': {
      get: {
        operationId: 'getDataset',
        tags: ['Service'],
        summary: 'The loaded dataset',
        description: "The dataset's name, version and notice, and each layer's data version.",
        responses: {
          '200': {
            description: 'The dataset.',
            content: jsonContent(
              datasetInfoSchema('The loaded dataset and its layers.', {
                layers: {
                  type: 'array',
                  description: 'Every layer, in display order.',
                  items: closedObject('A layer and its last import.', {
                    name: { type: 'string', description: 'Layer name.' },
                    title_zh: { type: 'string', description: 'Title in Chinese.' },
                    title_en: { type: 'string', description: 'Title in English.' },
                    data_version: {
                      type: 'integer',
                      minimum: 0,
                      description: 'Raised by every import; 0 before the first.',
                    },
                    feature_count: { type: 'integer', minimum: 0, description: 'Features.' },
                    repaired_count: {
                      type: 'integer',
                      minimum: 0,
                      description: 'Features the last import repaired with ST_MakeValid.',
                    },
                    source: nullable('string', 'What the last import read; null before one.'),
                    loaded_at: {
                      oneOf: [isoTime('When the last import ran'), { type: 'null' }],
                      description: 'Null before the first import.',
                    },
                  }),
                },
              }),
            ),
          },
          ...serverErrors,
        },
      },
    },
    '/api/map-settings': {
      get: {
        operationId: 'getMapSettings',
        tags: ['Service'],
        summary: "What the portal's maps add at run time",
        description:
          'The raster basemap configured with `BASEMAP_URL`, drawn under the zoning, or null: ' +
          "by default the maps show only the product's own layers.",
        responses: {
          '200': {
            description: 'The map settings.',
            content: jsonContent(
              closedObject('Map settings.', {
                basemap: {
                  oneOf: [
                    closedObject('A raster basemap.', {
                      tiles: {
                        type: 'array',
                        minItems: 1,
                        items: { type: 'string', description: 'XYZ URL template.' },
                        description: 'Tile URL templates, drawn bottom to top.',
                      },
                      attribution: { type: 'string', description: 'Credit shown on the map.' },
                      maxzoom: {
                        type: 'integer',
                        minimum: 0,
                        maximum: 22,
                        description: 'Highest zoom with tiles.',
                      },
                    }),
                    { type: 'null' },
                  ],
                  description: 'Null when none is configured.',
                },
              }),
            ),
          },
        },
      },
    },
    '/health': {
      get: {
        operationId: 'getHealth',
        tags: ['Service'],
        summary: 'Whether the process answers, and whether its cache does',
        description:
          'Liveness: answers 200 whenever the process runs, without touching the database. ' +
          '`degraded` while the tile cache (Redis) is unreachable: tiles are then cut on every ' +
          'request, and the cache is used again as soon as it is back.',
        responses: {
          '200': {
            description: 'The process is up.',
            headers: { 'Cache-Control': headers.noStore },
            content: jsonContent(healthSchema('Health.')),
          },
        },
      },
    },
    '/ready': {
      get: {
        operationId: 'getReadiness',
        tags: ['Service'],
        summary: 'Whether this instance should get traffic',
        description:
          'Readiness: probes the database (one query, 2 s deadline) and counts the control ' +
          'units loaded. 200 when the database answers and units are loaded, else 503. A cache ' +
          'that is down makes the status `degraded` but not the instance unready.',
        responses: {
          '200': {
            description: 'Ready.',
            headers: { 'Cache-Control': headers.noStore },
            content: jsonContent(readinessSchema('Readiness.')),
          },
          '503': {
            description: 'Not ready: the database does not answer, or no unit is loaded.',
            headers: { 'Cache-Control': headers.noStore, 'Retry-After': headers.retryAfter },
            content: jsonContent(readinessSchema('Readiness.')),
          },
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'getMetrics',
        tags: ['Service'],
        summary: 'Prometheus metrics',
        description:
          'Prometheus text format: requests by route pattern, method and status ' +
          '(`ecozoning_http_requests_total`), latency ' +
          '(`ecozoning_http_request_duration_seconds`), ' +
          'tile cache hits, misses and bytes, database connections busy, idle and awaited ' +
          '(`ecozoning_db_connections`, `ecozoning_db_connections_max`, ' +
          '`ecozoning_db_waiting`), each layer’s data version ' +
          '(`ecozoning_layer_data_version`) and the process figures of prom-client.',
        responses: {
          '200': {
            description: 'The metrics.',
            headers: { 'Cache-Control': headers.noStore },
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          ...serverErrors,
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['Service'],
        summary: 'This document',
        description:
          'The OpenAPI 3.1 description of the public API. It changes only with the code.',
        parameters: [
          {
            name: 'If-None-Match',
            in: 'header',
            required: false,
            description: 'The ETag the client holds; a match is answered 304 without a body.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The document.',
            headers: {
              'Cache-Control': header('`public, max-age=3600`.', true, {
                const: 'public, max-age=3600',
              }),
              ETag: header('Strong validator: a digest of the document.'),
              'Access-Control-Allow-Origin': headers.openCors,
            },
            content: jsonContent({
              type: 'object',
              description: 'An OpenAPI 3.1 document.',
              properties: { openapi: { type: 'string', pattern: '^3\\.1\\.[0-9]+$' } },
              required: ['openapi', 'info', 'paths', 'components'],
            }),
          },
          '304': {
            description: '`If-None-Match` names the current ETag: the client keeps its copy.',
            headers: { ETag: header('The same validator.') },
          },
        },
      },
    },
  },
  schemas: {},
}
