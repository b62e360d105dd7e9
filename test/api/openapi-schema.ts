import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { openApiDocument } from '../../server/ops/openapi-document.ts'

// Validates real answers against the schema the OpenAPI document gives their status, as
// test/ops/openapi-responses.test.ts does for every endpoint.

const DOC_ID = 'urn:ecozoning:openapi:places'
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true })
addFormats(ajv)
for (const keyword of ['openapi', 'info', 'jsonSchemaDialect', 'tags', 'paths', 'components']) {
  ajv.addKeyword(keyword)
}
ajv.addSchema(openApiDocument, DOC_ID)

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * The errors of a JSON body against the schema documented for `GET {path}` answering `status`;
 * an empty list when it fits. Throws when the document names no such answer.
 */
export function schemaErrors(path: string, status: number, body: unknown): unknown[] {
  const pointer = `/paths/${escape(path)}/get/responses/${status}/content/application~1json/schema`
  const validate = ajv.getSchema(`${DOC_ID}#${encodeURI(pointer)}`)
  if (!validate) throw new Error(`GET ${path} ${status} has no documented JSON body`)
  validate(body)
  return validate.errors ?? []
}
