import packageJson from '../../package.json' with { type: 'json' }
import { admissionArea } from './openapi-admission.ts'
import { commonResponses, commonSchemas, type Json, type OpenApiArea } from './openapi-common.ts'
import { placeArea } from './openapi-places.ts'
import { reportArea } from './openapi-reports.ts'
import { serviceArea } from './openapi-service.ts'
import { tileArea } from './openapi-tiles.ts'
import { zoningArea } from './openapi-zoning.ts'

const AREAS: OpenApiArea[] = [
  tileArea,
  zoningArea,
  placeArea,
  admissionArea,
  reportArea,
  serviceArea,
]

const DESCRIPTION = `Chinese ecological zoning ("three lines, one list", 三线一单) as vector tiles, a
point lookup, an admission pre-check of project sites and pollution reports.

Coordinates are WGS84 longitude/latitude (EPSG:4326) unless a \`crs\` says otherwise; CGCS2000
(EPSG:4490) is taken as equal to WGS84. Areas, lengths and distances are measured on the WGS84
ellipsoid, in m² and m.

Every error is JSON, \`{"error": {"code", "message", "field"}}\` (\`field\` when one field is at
fault), with a 4xx status for anything the caller can fix, 503 with \`Retry-After\` when the
database times out, and never a stack trace or database text. A refused pollution report or
admission check also lists every problem of its fields at once in \`error.problems\`, each
\`{"code", "message", "field"}\`, the first being the error itself. A method a path does not
take is a 405 \`METHOD_NOT_ALLOWED\` with \`Allow\`; a path nothing serves is a 404
\`NOT_FOUND\`. Every answer carries \`X-Request-Id\`, which names its line in the server log.

The staff endpoints under \`/api/staff/\` need a staff token and are documented for staff
elsewhere; the portal's pages are not part of this API.`

/** The OpenAPI 3.1 description of every public endpoint; served at `GET /api/openapi.json`. */
export const openApiDocument: Json = {
  openapi: '3.1.0',
  info: {
    title: 'ecozoning',
    version: packageJson.version,
    summary: 'Ecological zoning as vector tiles, lookups, admission pre-checks and reports.',
    description: DESCRIPTION,
  },
  jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
  tags: [
    { name: 'Tiles', description: 'The layer catalogue, TileJSON 3.0.0, vector tiles, the style.' },
    { name: 'Zoning', description: 'What the zoning says at a point.' },
    { name: 'Places', description: 'Control units, industrial parks and districts.' },
    { name: 'Admission check', description: 'May this project be built on this site?' },
    { name: 'Industries', description: 'The GB/T 4754-2017 industry catalogue.' },
    { name: 'Reports', description: 'Pollution reports from the public.' },
    { name: 'Service', description: 'The dataset, health, metrics and this document.' },
  ],
  paths: Object.assign({}, ...AREAS.map((area) => area.paths)),
  components: {
    schemas: Object.assign({}, commonSchemas, ...AREAS.map((area) => area.schemas)),
    responses: commonResponses,
  },
}
