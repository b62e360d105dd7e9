import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Feature } from 'geojson'
import { findDuplicateKey, repeatedKeyMessage } from '../http/duplicate-keys.ts'
import { ImportError } from './import-error.ts'
import { lonLatCrs, parseGeoJsonCrsName, type ChosenCrs } from './source-crs.ts'
import type { SourceFeatures, SourceOptions } from './source-file.ts'
import { encodingHint } from './text-encoding.ts'

/**
 * Reads a GeoJSON FeatureCollection, or a single Feature, as UTF-8 text (RFC 7946) unless
 * `options.encoding` names another. A `crs` member, which GDAL still writes for projected
 * output, declares the CRS; without one the coordinates are longitude/latitude.
 */
export async function readGeoJsonFile(
  file: string,
  options: SourceOptions,
): Promise<SourceFeatures> {
  const bytes = await readFile(file)
  const encoding = options.encoding
    ? { name: options.encoding, from: 'given by --encoding' }
    : (utf16ByMark(bytes) ?? { name: 'utf-8', from: 'the GeoJSON standard' })

  let text: string
  try {
    text = new TextDecoder(encoding.name, { fatal: true }).decode(bytes)
  } catch {
    const hint = encodingHint(encoding.name, Boolean(options.encoding))
    throw new ImportError(`The file is not valid ${encoding.name} text${hint}.`, { file })
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ImportError(`The file is not valid JSON (${(error as Error).message}).`, { file })
  }
  refuseRepeatedKeys(text, file)

  return {
    file,
    source: path.basename(file),
    features: featuresOf(json, file),
    declaredCrs: () => declaredCrs(json, file),
    defaultCrs: { crs: lonLatCrs('EPSG:4326'), from: 'the GeoJSON default, RFC 7946' },
    encoding,
  }
}

/**
 * Throws an ImportError naming the feature and field of the first key given twice in one object:
 * JSON.parse keeps the last without a word, so `"class": "key", "class": "priority"` would be
 * imported as a priority unit.
 */
function refuseRepeatedKeys(text: string, file: string): void {
  const repeated = findDuplicateKey(text)
  if (repeated === undefined) return
  const inFeature = /^features\[(\d+)\]\.(?:properties\.)?(.+)$/.exec(repeated)
  if (!inFeature) throw new ImportError(repeatedKeyMessage(repeated), { file, field: repeated })
  const [feature, field] = [Number(inFeature[1]) + 1, inFeature[2]!]
  throw new ImportError(repeatedKeyMessage(field), { file, feature, field })
}

/**
 * UTF-16 when the file opens with its byte-order mark, as Windows Notepad saves "Unicode" text:
 * not GeoJSON's encoding, but a mark no UTF-8 or GBK text begins with.
 */
function utf16ByMark(bytes: Buffer): { name: string; from: string } | undefined {
  const from = 'its byte-order mark'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', from }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', from }
  return undefined
}

function featuresOf(json: unknown, file: string): Feature[] {
  const type = isObject(json) ? json.type : undefined
  if (type === 'Feature') return [json as unknown as Feature]
  if (type !== 'FeatureCollection' || !isObject(json) || !Array.isArray(json.features)) {
    const got = type === undefined ? describeJson(json) : JSON.stringify(type)
    throw new ImportError(`Expected a GeoJSON FeatureCollection or Feature, got ${got}.`, { file })
  }

  return json.features.map((feature: unknown, i) => {
    if (!isObject(feature) || feature.type !== 'Feature') {
      throw new ImportError('Expected a GeoJSON Feature object.', { file, feature: i + 1 })
    }
    return feature as unknown as Feature
  })
}

function declaredCrs(json: unknown, file: string): ChosenCrs | undefined {
  if (!isObject(json) || !isObject(json.crs)) return undefined
  const properties = isObject(json.crs.properties) ? json.crs.properties : {}
  const name = typeof properties.name === 'string' ? properties.name : undefined
  const crs = name === undefined ? undefined : parseGeoJsonCrsName(name)
  if (!crs) {
    const what = name === undefined ? 'a CRS without a name' : `the CRS "${name}"`
    const message =
      `The file's crs member names ${what}, which the importer does not convert; ` + 'give --crs.'
    throw new ImportError(message, { file })
  }
  return { crs, from: "named by the file's crs member" }
}

/** What a JSON value is, as an operator calls it: typeof says object for arrays and null. */
function describeJson(json: unknown): string {
  if (Array.isArray(json)) return 'an array'
  if (json === null) return 'null'
  if (isObject(json)) return 'an object without a type'
  return `a ${typeof json}`
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
