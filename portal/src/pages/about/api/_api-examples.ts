/**
 * One example call per endpoint, as a curl command against `$ORIGIN`, the server's own origin,
 * which a static page cannot know: the reader sets it once. Places are Hengyang's centre, where
 * the portal's map opens, so that the calls find zoning in the sample; other values come from
 * the document's examples, defaults and allowed values, and where it has none, from the tables
 * below. Pure.
 */

import { hengyangCentre } from '../../../map/initial-view.ts'
import { resolve, type ApiOperation } from './_openapi-view.ts'

type Json = Record<string, unknown>

const [LON, LAT] = hengyangCentre

/** Query parameters that name a place, whatever example the document gives. */
const PLACE_VALUES: Record<string, number> = { lon: LON, lat: LAT }

// The tile of zoom 10 over the centre, in the XYZ scheme.
const Z = 10
const X = Math.floor(((LON + 180) / 360) * 2 ** Z)
const Y = Math.floor(((1 - Math.asinh(Math.tan((LAT * Math.PI) / 180)) / Math.PI) / 2) * 2 ** Z)

/** Path parameters the document gives no example of: the tile above, an id's shape. */
const PATH_VALUES: Record<string, string> = {
  z: String(Z),
  x: String(X),
  y: String(Y),
  // Any 22 characters of URL-safe base64 make a check id; this one names no check (404).
  id: 'bQ3rX8yJd0kTzN5wLp2sVg',
}

const round = (value: number) => Math.round(value * 1e4) / 1e4
// A square about 2 km a side around the centre, closed as GeoJSON wants.
const SQUARE = [
  [-1, -1],
  [1, -1],
  [1, 1],
  [-1, 1],
  [-1, -1],
].map(([dx, dy]) => `[${round(LON + dx! * 0.01)}, ${round(LAT + dy! * 0.01)}]`)

/** Bodies of the operations whose schema alone makes no valid example, by operation id. */
const BODIES: Record<string, { json: string; shell?: boolean }> = {
  checkAdmission: {
    json: `{
  "geometry": {
    "type": "Polygon",
    "coordinates": [[${SQUARE.join(', ')}]]
  },
  "industry": "C2614",
  "projectKind": "new"
}`,
  },
  // The time of the observation is now, as the shell tells it: a report may not be a year old.
  submitReport: {
    shell: true,
    json: `{
  "category": "water",
  "location": { "lon": ${LON}, "lat": ${LAT} },
  "observedAt": "$(date -Iseconds)",
  "description": "河面漂着一层油污，有刺鼻气味。"
}`,
  },
}

const SAFE = /^[A-Za-z0-9._~:,-]*$/

/** A value the document offers for a schema or parameter: example, examples, default, enum. */
function offered(doc: Json, holder: Json): unknown {
  if (holder.example !== undefined) return holder.example
  const examples = holder.examples
  if (Array.isArray(examples) && examples.length > 0) return examples[0]
  if (examples && typeof examples === 'object') {
    const first = Object.values(examples)[0]
    const value = first && typeof first === 'object' ? resolve(doc, first).value : undefined
    if (value !== undefined) return value
  }
  const schema = resolve(doc, holder.schema ?? holder)
  if (schema !== holder) {
    const fromSchema = offered(doc, schema)
    if (fromSchema !== undefined) return fromSchema
  }
  if (holder.default !== undefined) return holder.default
  if (holder.const !== undefined) return holder.const
  if (Array.isArray(holder.enum)) return holder.enum[0]
  return undefined
}

/** An example of a schema: offered values, or an object of its required properties. */
function exampleOf(doc: Json, schemaLike: unknown, depth = 0): unknown {
  const schema = resolve(doc, schemaLike)
  const value = offered(doc, schema)
  if (value !== undefined || depth > 4) return value
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Json
    const required = Array.isArray(schema.required) ? schema.required.map(String) : []
    return Object.fromEntries(
      required.map((name) => [name, exampleOf(doc, properties[name], depth + 1)]),
    )
  }
  if (schema.type === 'array') return [exampleOf(doc, schema.items, depth + 1)]
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1
  if (schema.type === 'boolean') return true
  return 'text'
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

/** The example call of an operation as a shell command, `$ORIGIN` standing for the server. */
export function exampleCall(doc: Json, operation: ApiOperation): string {
  const source = operation.source
  const parameters = (Array.isArray(source.parameters) ? source.parameters : []).map((p) =>
    resolve(doc, p),
  )

  let path = operation.path
  const query: [string, string][] = []
  let compressed = false
  for (const parameter of parameters) {
    const name = String(parameter.name)
    if (parameter.in === 'header' && name.toLowerCase() === 'accept-encoding') compressed = true
    if (parameter.in === 'path') {
      // Without any value the placeholder stays, for the reader to fill in.
      const value = offered(doc, parameter) ?? PATH_VALUES[name]
      if (value !== undefined) path = path.replace(`{${name}}`, encodeURIComponent(String(value)))
    } else if (parameter.in === 'query') {
      // Optional parameters only when the document shows them with an example of their own.
      const value =
        PLACE_VALUES[name] ??
        (parameter.required === true ? offered(doc, parameter) : parameter.example)
      if (value !== undefined) query.push([name, String(value)])
    }
  }

  const options: string[] = []
  const success = Object.entries((source.responses ?? {}) as Json).find(([s]) => s.startsWith('2'))
  const media = Object.keys((resolve(doc, success?.[1]).content ?? {}) as Json)
  const binary = media.length > 0 && !media.some((m) => /json|^text\//.test(m))
  if (compressed) options.push('--compressed')
  options.push(binary ? `-o ${path.split('/').at(-1)}` : '-i')

  const inline = query.every(([name, value]) => SAFE.test(name) && SAFE.test(value))
  const search = inline && query.length > 0 ? `?${query.map((p) => p.join('=')).join('&')}` : ''
  const url = `"$ORIGIN${path}${search}"`
  const encoded = inline
    ? []
    : query.map(([name, value]) => `--data-urlencode ${quote(`${name}=${value}`)}`)
  if (!inline) options.push('-G')

  const body = requestBody(doc, operation)
  const method = operation.method.toUpperCase()
  const impliedMethod = body ? 'POST' : 'GET'
  if (method !== impliedMethod) options.push(`-X ${method}`)

  const command = ['curl', ...options, url, ...encoded, ...(body?.options ?? [])].join(' ')
  return body?.heredoc ? `${command}\n${body.heredoc}` : command
}

function requestBody(
  doc: Json,
  operation: ApiOperation,
): { options: string[]; heredoc?: string } | undefined {
  const content = (resolve(doc, operation.source.requestBody).content ?? {}) as Json
  const types = Object.keys(content)
  if (types.length === 0) return undefined

  if (types.includes('application/json') || !types.includes('multipart/form-data')) {
    const type = types.includes('application/json') ? 'application/json' : types[0]!
    const media = resolve(doc, content[type])
    const given = BODIES[operation.id]
    const json =
      given?.json ?? JSON.stringify(offered(doc, media) ?? exampleOf(doc, media.schema), null, 2)
    // A quoted delimiter leaves the body as it is; unquoted, the shell fills in $(…).
    const end = given?.shell ? 'JSON' : "'JSON'"
    return {
      options: ['-H', quote(`Content-Type: ${type}`), '--data-binary', '@-', `<<${end}`],
      heredoc: `${json}\nJSON`,
    }
  }

  const schema = resolve(doc, resolve(doc, content['multipart/form-data']).schema)
  const example = exampleOf(doc, schema) as Json
  return {
    options: Object.entries(example).map(([name, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      return `-F ${quote(`${name}=${text}`)}`
    }),
  }
}
