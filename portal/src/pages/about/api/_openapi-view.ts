/**
 * The OpenAPI document the server serves, read into what the API page shows: endpoints grouped
 * by tag, each with its parameters, request body fields and responses, references resolved and
 * schemas told in a few words. Pure: the page imports the document at build time.
 */

type Json = Record<string, unknown>

/** Where a field goes: a parameter's `in`, or the request body. */
export type FieldPlace = 'path' | 'query' | 'header' | 'cookie' | 'body'

export interface ApiField {
  /** The name; a field nested in an object is written with dots (`location.lat`). */
  name: string
  place: FieldPlace
  required: boolean
  /** The schema in a few words: type, allowed values, range, default. */
  type: string
  description: string
}

export interface ApiBody {
  mediaType: string
  description: string
  fields: ApiField[]
  /** Fields of which exactly one must come, when the schema says so. */
  exactlyOne: string[]
}

export interface ApiResponse {
  status: string
  description: string
  /** Media types, each with the name of its schema when it is a named one. */
  contents: { mediaType: string; schema?: string }[]
}

export interface ApiOperation {
  /** The operation id, or method and path made into one when it has none; unique. */
  id: string
  /** In lower case, as the document keys it. */
  method: string
  path: string
  summary: string
  description: string
  parameters: ApiField[]
  bodies: ApiBody[]
  bodyRequired: boolean
  responses: ApiResponse[]
  /** The operation as the document has it, for the example call. */
  source: Json
}

export interface ApiGroup {
  tag: string
  description: string
  operations: ApiOperation[]
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Follows a local `$ref` (`#/components/…`) through the document; other objects as they are. */
export function resolve(doc: Json, value: unknown): Json {
  let current = value
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 20; hops++) {
    const ref = current.$ref
    if (!ref.startsWith('#/')) break
    let target: unknown = doc
    for (const step of ref.slice(2).split('/')) {
      const key = step.replaceAll('~1', '/').replaceAll('~0', '~')
      target = isObject(target) ? target[key] : undefined
    }
    current = target
  }
  return isObject(current) ? current : {}
}

/** The last segment of a `$ref`, the name of a schema such as `Lookup`; undefined for none. */
function refName(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string') return undefined
  return value.$ref.split('/').at(-1)
}

const literal = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value)

/**
 * A schema in a few words, for a table cell: its type (`integer`, `number or string`, `array of
 * string`, `file`), the values it allows, its range or length, its pattern and its default,
 * joined by semicolons.
 */
export function describeSchema(doc: Json, schema: unknown): string {
  const s = resolve(doc, schema)
  const parts: string[] = []
  const types = Array.isArray(s.type) ? s.type.map(String) : s.type ? [String(s.type)] : []

  if (s.const !== undefined) parts.push(`\`${literal(s.const)}\``)
  else if (Array.isArray(s.enum))
    parts.push(`one of ${s.enum.map((v) => `\`${literal(v)}\``).join(', ')}`)
  else if (typeof s.contentMediaType === 'string') parts.push(`file (${s.contentMediaType})`)
  else if (types.includes('array')) {
    const items = isObject(s.items) ? describeSchema(doc, s.items).split('; ')[0] : ''
    parts.push(items ? `array of ${items}` : 'array')
  } else if (types.length > 0) parts.push(types.join(' or '))
  else {
    const choices = (Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : [])
      .map((choice) => refName(choice) ?? describeSchema(doc, choice).split('; ')[0])
      .filter(Boolean)
    if (choices.length > 0) parts.push(`one of: ${choices.join(', ')}`)
    else if (refName(schema)) parts.push(refName(schema)!)
  }

  if (typeof s.format === 'string') parts.push(s.format)
  const range = rangeOf(s.minimum, s.maximum, '')
  if (range) parts.push(range)
  const length = rangeOf(s.minLength, s.maxLength, ' characters')
  if (length) parts.push(length)
  const items = rangeOf(s.minItems, s.maxItems, ' items')
  if (items) parts.push(items)
  if (typeof s.pattern === 'string') parts.push(`pattern \`${s.pattern}\``)
  if (s.default !== undefined) parts.push(`default \`${literal(s.default)}\``)
  return parts.join('; ')
}

function rangeOf(min: unknown, max: unknown, unit: string): string {
  const low = typeof min === 'number' ? min : undefined
  const high = typeof max === 'number' ? max : undefined
  if (low !== undefined && high !== undefined) return `${low}–${high}${unit}`
  if (low !== undefined) return low === 0 && unit === '' ? '≥ 0' : `at least ${low}${unit}`
  if (high !== undefined) return `at most ${high}${unit}`
  return ''
}

/** The fields of an object schema, those of nested objects after their parent, dotted. */
function bodyFields(doc: Json, schema: Json, prefix = '', depth = 0): ApiField[] {
  const properties = isObject(schema.properties) ? schema.properties : {}
  const required = Array.isArray(schema.required) ? schema.required.map(String) : []
  return Object.entries(properties).flatMap(([name, value]) => {
    const property = resolve(doc, value)
    const field: ApiField = {
      name: prefix + name,
      place: 'body',
      required: required.includes(name),
      type: describeSchema(doc, value),
      description: text(property.description),
    }
    const nested =
      depth < 2 && isObject(property.properties)
        ? bodyFields(doc, property, `${prefix}${name}.`, depth + 1)
        : []
    return [field, ...nested]
  })
}

function readParameters(doc: Json, pathItem: Json, operation: Json): ApiField[] {
  const byKey = new Map<string, Json>()
  // Operation parameters override path-level ones of the same name and place.
  for (const list of [pathItem.parameters, operation.parameters]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const parameter = resolve(doc, entry)
      byKey.set(`${text(parameter.in)} ${text(parameter.name)}`, parameter)
    }
  }
  return [...byKey.values()].map((parameter) => {
    const schema = resolve(doc, parameter.schema)
    return {
      name: text(parameter.name),
      place: text(parameter.in) as FieldPlace,
      required: parameter.required === true,
      type: describeSchema(doc, parameter.schema),
      description: text(parameter.description) || text(schema.description),
    }
  })
}

function readBodies(doc: Json, operation: Json): { bodies: ApiBody[]; required: boolean } {
  const body = resolve(doc, operation.requestBody)
  const content = isObject(body.content) ? body.content : {}
  const bodies = Object.entries(content).map(([mediaType, media]) => {
    const schema = resolve(doc, isObject(media) ? media.schema : undefined)
    const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf.map((c) => resolve(doc, c)) : []
    // `oneOf` of bare `required` lists: exactly one of those fields.
    const exactlyOne = alternatives.every(
      (c) => Object.keys(c).join() === 'required' && Array.isArray(c.required),
    )
      ? alternatives.flatMap((c) => (c.required as unknown[]).map(String))
      : []
    return {
      mediaType,
      description: text(schema.description),
      fields: bodyFields(doc, schema),
      exactlyOne,
    }
  })
  return { bodies, required: body.required === true }
}

function readResponses(doc: Json, operation: Json): ApiResponse[] {
  const responses = isObject(operation.responses) ? operation.responses : {}
  return Object.entries(responses).map(([status, value]) => {
    const response = resolve(doc, value)
    const content = isObject(response.content) ? response.content : {}
    return {
      status,
      description: text(response.description),
      contents: Object.entries(content).map(([mediaType, media]) => {
        const schema = refName(isObject(media) ? media.schema : undefined)
        return schema ? { mediaType, schema } : { mediaType }
      }),
    }
  })
}

/**
 * Every operation of the document, grouped by its first tag in the order of the document's
 * `tags` (tags it does not list after them, untagged operations last), each group in the order
 * of the paths.
 */
export function readApi(doc: Json): ApiGroup[] {
  const groups = new Map<string, ApiGroup>()
  for (const tag of Array.isArray(doc.tags) ? doc.tags : []) {
    if (!isObject(tag)) continue
    const name = text(tag.name)
    groups.set(name, { tag: name, description: text(tag.description), operations: [] })
  }
  const ids = new Set<string>()
  const paths = isObject(doc.paths) ? doc.paths : {}
  for (const [path, value] of Object.entries(paths)) {
    const pathItem = resolve(doc, value)
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method]
      if (!isObject(operation)) continue
      const { bodies, required } = readBodies(doc, operation)
      let id = text(operation.operationId) || `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-')
      while (ids.has(id)) id += '-'
      ids.add(id)

      const tag =
        Array.isArray(operation.tags) && operation.tags.length > 0 ? String(operation.tags[0]) : ''
      const group = groups.get(tag) ?? { tag, description: '', operations: [] }
      groups.set(tag, group)
      group.operations.push({
        id,
        method,
        path,
        summary: text(operation.summary),
        description: text(operation.description),
        parameters: readParameters(doc, pathItem, operation),
        bodies,
        bodyRequired: required,
        responses: readResponses(doc, operation),
        source: operation,
      })
    }
  }
  const untagged = groups.get('')
  groups.delete('')
  return [...groups.values(), ...(untagged ? [untagged] : [])].filter(
    (group) => group.operations.length > 0,
  )
}

/** Text with `code` spans, as the document writes it: runs of plain text and of code. Pure. */
export function codeSpans(value: string): { code: boolean; text: string }[] {
  return value
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((part) => part.text !== '')
}

/** Paragraphs of a description: split at blank lines, lines within one joined. */
export function paragraphs(value: string): string[] {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
}
