import { validate } from '@hyperjump/json-schema/openapi-3-1'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '../../server/ops/openapi-document.ts'

// The document's structure, checked by the OpenAPI 3.1 meta-schema (with every Schema Object
// against the 3.1 dialect of JSON Schema 2020-12) and by the rules a reader relies on. Its
// schemas are checked against real answers in openapi-responses.test.ts.

type Node = Record<string, unknown>

const doc = openApiDocument as {
  tags: { name: string }[]
  paths: Record<string, Record<string, Node>>
  components: { schemas: Record<string, Node>; responses: Record<string, Node> }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const NO_BODY = new Set(['204', '304'])

/** Every object in `value` with its JSON Pointer. */
function* objects(value: unknown, pointer = ''): Generator<[Node, string]> {
  if (typeof value !== 'object' || value === null) return
  if (!Array.isArray(value)) yield [value as Node, pointer]
  for (const [key, child] of Object.entries(value)) {
    yield* objects(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
  }
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc)
}

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({ path, method, operation })),
)

/** A response object, its `$ref` followed. */
const follow = (response: Node): Node =>
  typeof response.$ref === 'string' ? (resolvePointer(response.$ref.slice(1)) as Node) : response

/** The schemas reached through JSON Schema keywords from `schema`, itself included. */
function* schemasIn(schema: unknown, pointer: string): Generator<[Node, string]> {
  if (typeof schema !== 'object' || schema === null) return
  const node = schema as Node
  yield [node, pointer]
  for (const key of ['items', 'additionalProperties', 'unevaluatedProperties', 'not']) {
    yield* schemasIn(node[key], `${pointer}/${key}`)
  }
  for (const key of ['prefixItems', 'oneOf', 'anyOf', 'allOf']) {
    const list = (node[key] ?? []) as unknown[]
    for (const [i, child] of list.entries()) yield* schemasIn(child, `${pointer}/${key}/${i}`)
  }
  for (const [name, child] of Object.entries((node.properties ?? {}) as Node)) {
    yield* schemasIn(child, `${pointer}/properties/${name}`)
  }
}

/** Every schema of a response body, by its pointer. */
const responseSchemas = (): [Node, string][] => [
  ...Object.entries(doc.components.schemas).map(([name, schema]): [Node, string] => [
    schema,
    `/components/schemas/${name}`,
  ]),
  ...[...objects(doc)]
    .filter(([, pointer]) => /\/responses\/[^/]+\/content\/[^/]+\/schema$/.test(pointer))
    .filter(([, pointer]) => pointer.startsWith('/paths/') || pointer.startsWith('/components/')),
]

// Objects left open on purpose: the rule base is closed by LookupRule and CheckRule, which add
// to it, and the document's own answer is described by the OpenAPI specification.
const OPEN_BY_DESIGN = new Set([
  '/components/schemas/Rule',
  '/paths/~1api~1openapi.json/get/responses/200/content/application~1json/schema',
])

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, every schema valid in the 3.1 dialect', async () => {
    const output = await validate(
      'https://spec.openapis.org/oas/3.1/schema-base',
      openApiDocument as never,
      'BASIC',
    )
    expect(output.valid ? [] : output.errors).toEqual([])
    expect(output.valid).toBe(true)
  })

  it('resolves every $ref inside itself', () => {
    const refs = [...objects(doc)].flatMap(([node, pointer]) =>
      typeof node.$ref === 'string' ? [{ ref: node.$ref, at: pointer }] : [],
    )
    expect(refs.length).toBeGreaterThan(20)
    const broken = refs.filter(
      ({ ref }) => !ref.startsWith('#/') || resolvePointer(ref.slice(1)) === undefined,
    )
    expect(broken).toEqual([])
  })

  it('uses every schema it names', () => {
    const text = JSON.stringify(doc)
    const unused = Object.keys(doc.components.schemas).filter(
      (name) => !text.includes(`"#/components/schemas/${name}"`),
    )
    expect(unused).toEqual([])
  })

  it('gives every operation a unique operationId, a declared tag and a summary', () => {
    const ids = operations.map(({ operation }) => operation.operationId)
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)

    const tags = new Set(doc.tags.map((tag) => tag.name))
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`
      expect(operation.summary, where).toEqual(expect.any(String))
      expect(operation.tags, where).toHaveLength(1)
      expect(tags.has((operation.tags as string[])[0]!), where).toBe(true)
    }
  })

  it('declares each path template variable as a required path parameter, and no other', () => {
    for (const { path, method, operation } of operations) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort()
      const parameters = (operation.parameters ?? []) as Node[]
      const declared = parameters.filter((p) => p.in === 'path')
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(inPath)
      expect(declared.every((p) => p.required === true)).toBe(true)
    }
  })

  it('describes every response, with a schema for each body and none for 204 and 304', () => {
    for (const { path, method, operation } of operations) {
      const responses = operation.responses as Record<string, Node>
      const statuses = Object.keys(responses)
      expect(
        statuses.some((status) => /^2/.test(status)),
        `${method} ${path}`,
      ).toBe(true)

      for (const [status, reference] of Object.entries(responses)) {
        const where = `${method.toUpperCase()} ${path} ${status}`
        expect(status, where).toMatch(/^[1-5][0-9]{2}$/)
        const response = follow(reference)
        expect(response.description, where).toEqual(expect.any(String))
        const content = response.content as Record<string, Node> | undefined
        if (NO_BODY.has(status)) {
          expect(content, where).toBeUndefined()
          continue
        }
        expect(Object.keys(content ?? {}).length, where).toBeGreaterThan(0)
        for (const [type, media] of Object.entries(content!)) {
          expect(media.schema, `${where} ${type}`).toBeDefined()
        }
        // A readiness probe's 503 is its report: what is down is the answer there.
        if (/^[45]/.test(status) && !(path === '/ready' && status === '503')) {
          expect(content!['application/json']?.schema, where).toEqual({
            $ref: '#/components/schemas/Error',
          })
        }
      }
    }
  })

  it('compiles every schema in strict mode', () => {
    // A branch of oneOf may require a field its parent defines: JSON Schema allows it, and the
    // admission check says "one site field of four" that way.
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true })
    addFormats(ajv)
    for (const keyword of ['openapi', 'info', 'jsonSchemaDialect', 'tags', 'paths', 'components']) {
      ajv.addKeyword(keyword)
    }
    ajv.addSchema(openApiDocument, 'urn:ecozoning:openapi')

    const pointers = [...objects(doc)]
      .map(([, pointer]) => pointer)
      .filter((pointer) => /\/schema$|^\/components\/schemas\/[^/]+$/.test(pointer))
    expect(pointers.length).toBeGreaterThan(60)
    for (const pointer of pointers) {
      let compiled: unknown
      expect(() => {
        compiled = ajv.getSchema(`urn:ecozoning:openapi#${encodeURI(pointer)}`)
      }, pointer).not.toThrow()
      expect(compiled, pointer).toEqual(expect.any(Function))
    }
  })

  it('closes every object of an answer and lists the fields always sent', () => {
    for (const [root, rootPointer] of responseSchemas()) {
      for (const [schema, pointer] of schemasIn(root, rootPointer)) {
        if (schema.properties === undefined || OPEN_BY_DESIGN.has(pointer)) continue
        const closed =
          schema.additionalProperties === false || schema.unevaluatedProperties === false
        expect(closed, `${pointer} is open`).toBe(true)
        const names = Object.keys(schema.properties as Node)
        const required = schema.required as string[] | undefined
        expect(required, `${pointer} has no required list`).toBeDefined()
        expect(
          required!.filter((name) => !names.includes(name)),
          pointer,
        ).toEqual([])
      }
    }
  })
})
