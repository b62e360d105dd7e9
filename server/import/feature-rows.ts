import type { Feature, Geometry } from 'geojson'
import type { Layer, LayerAttribute } from '../tiles/layer-catalog.ts'
import { unstorableText } from '../db/storable-text.ts'
import { freeTextProblem } from '../db/text-characters.ts'
import { describeValue } from '../http/describe-value.ts'
import { describeValues, valueCode } from './attribute-values.ts'
import { ImportError } from './import-error.ts'

/** One feature ready for the staging table: lon/lat geometry and the layer's columns. */
export interface FeatureRow {
  /** The feature's number in its file (1 for the first), as messages name it. */
  number: number
  geometry: Geometry
  values: Record<string, string | number | null>
}

const GEOMETRY_TYPES: Record<Layer['geometryKind'], string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point'],
}

/**
 * Maps features onto a layer's columns: each attribute is read from its own name or one of its
 * aliases (case-insensitive), converted to the column's type. Throws an ImportError naming the
 * feature and field for a missing or blank required attribute, fields of one attribute that
 * disagree, a value of the wrong type (a number must be written in decimal digits), text the
 * database cannot store (unstorableText), text over 500 characters, a value outside an
 * attribute's fixed set, or a geometry of the wrong kind. A value of a fixed set may be given
 * as its code or one of its Chinese forms, and is stored as the code. Features are numbered by
 * `numbers` when given (a Shapefile's record numbers), else from 1. Pure.
 */
export function toFeatureRows(
  layer: Layer,
  features: Feature[],
  file?: string,
  numbers?: number[],
): FeatureRow[] {
  if (features.length === 0) throw new ImportError('The file holds no features.', { file })

  return features.map((feature, i) => {
    const number = numbers?.[i] ?? i + 1
    const where = { file, feature: number }
    const geometry = feature.geometry
    if (!geometry) throw new ImportError('The feature has no geometry.', where)
    if (!GEOMETRY_TYPES[layer.geometryKind].includes(geometry.type)) {
      const expected = GEOMETRY_TYPES[layer.geometryKind].join(' or ')
      const message = `Layer ${layer.name} takes ${expected} geometries, got ${geometry.type}.`
      throw new ImportError(message, where)
    }

    const properties = feature.properties ?? {}
    const values: FeatureRow['values'] = {}
    for (const attribute of layer.attributes) {
      const found = readAttribute(properties, attribute)
      const at = { ...where, field: attribute.name }
      assertOneValue(found, attribute, at)
      values[attribute.name] = convert(found, attribute, at)
    }
    return { number, geometry, values }
  })
}

/**
 * A dBase field name holds at most 10 characters: QGIS, ArcGIS and GDAL write `source_name` as
 * `source_nam` in a Shapefile, so a longer name is also read from its first 10.
 */
const DBF_NAME_LENGTH = 10

/** The names an attribute is read from, its own first. */
function fieldNames({ name, aliases }: LayerAttribute): string[] {
  const cut = name.length > DBF_NAME_LENGTH ? [name.slice(0, DBF_NAME_LENGTH)] : []
  return [name, ...aliases, ...cut]
}

/**
 * An attribute as found in a feature: its value, else the first of its fields held blank; and
 * every field it could be read from that holds a value, by name.
 */
interface Found {
  value: unknown
  blank?: string
  held: [string, unknown][]
}

/**
 * Reads an attribute from the first of its names holding a value. Text of only white space (or
 * of the NUL bytes some .dbf writers pad with) holds none: a blank name is a missing name, not
 * an empty one, and a blank number is no number, not 0 as JavaScript would read it.
 */
function readAttribute(properties: Record<string, unknown>, attribute: LayerAttribute): Found {
  let blank: string | undefined
  const held: [string, unknown][] = []
  for (const name of fieldNames(attribute)) {
    // The name as written first, then in other cases.
    const keys = Object.keys(properties)
      .filter((key) => key.toLowerCase() === name.toLowerCase())
      .sort((a, b) => Number(b === name) - Number(a === name))
    for (const key of keys) {
      const value = properties[key]
      if (value === null) continue
      if (typeof value === 'string' && withoutPadding(value).trim() === '') {
        blank ??= key
        continue
      }
      if (!held.some(([known]) => known === key)) held.push([key, value])
    }
  }
  return { value: held[0]?.[1], blank, held }
}

/**
 * Refuses a feature whose fields for one attribute disagree (NAME, name and 名称 all read as
 * `name`): taking one by the order of the file's columns would store a value chosen by chance.
 * Fields that agree, once trimmed, or that name the same code of a fixed set (level1 and
 * 一级保护区), are one value given twice.
 */
function assertOneValue(
  found: Found,
  attribute: LayerAttribute,
  where: { file?: string; feature: number; field: string },
) {
  const text = (value: unknown) => {
    const trimmed = withoutPadding(String(value)).trim()
    return (attribute.values && valueCode(attribute.values, trimmed)) ?? trimmed
  }
  const [first, ...others] = found.held
  const differing = others.find(([, value]) => text(value) !== text(first![1]))
  if (!differing) return
  const message =
    `Fields ${first![0]} and ${differing[0]} are both read as ${attribute.name} and differ ` +
    `(${describeValue(first![1])} and ${describeValue(differing[1])}): keep one of them.`
  throw new ImportError(message, where)
}

/** Some .dbf writers pad text fields with NUL bytes instead of spaces: padding, not text. */
const withoutPadding = (text: string) => text.replace(/\u0000+$/, '')

/**
 * A number as a file writes it in text: plain decimal digits, with a sign and a fraction. Not
 * what JavaScript's Number() also reads (hexadecimal 0x…, binary 0b…, octal 0o…, exponents,
 * Infinity), which no bureau file means as a count, a code or an area.
 */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

function convert(
  found: Found,
  attribute: LayerAttribute,
  where: { file?: string; feature: number; field: string },
): string | number | null {
  const raw = found.value
  if (raw === undefined) {
    if (!attribute.required) return null
    const others = fieldNames(attribute).slice(1)
    const aliases = others.length > 0 ? ` (or ${others.join(', ')})` : ''
    const blank = found.blank === undefined ? '' : `: ${found.blank} is blank`
    const message = `Required attribute ${attribute.name}${aliases} is missing${blank}.`
    throw new ImportError(message, where)
  }
  if (attribute.type === 'text') {
    if (typeof raw === 'string') {
      const text = withoutPadding(raw)
      // Checked here so that the refusal names the feature and field, before any database work.
      // The .dbf reader marks a character a too-narrow field cut in two, and imports the rest.
      const problem = unstorableText(text) ?? freeTextProblem(text, { keepMarks: true })
      if (problem) throw new ImportError(problem, where)
      const length = [...text.trim()].length
      if (length > MAX_TEXT_CHARACTERS) {
        const message =
          `The text is ${length.toLocaleString('en-US')} characters long; an attribute holds ` +
          `at most ${MAX_TEXT_CHARACTERS}.`
        throw new ImportError(message, where)
      }
      return fixedValue(text.trim(), attribute, where)
    }
    if (typeof raw === 'number') return fixedValue(String(raw), attribute, where)
  } else {
    const number =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && PLAIN_DECIMAL.test(raw.trim())
          ? Number(raw.trim())
          : NaN
    const whole = attribute.type === 'integer'
    if (whole && Number.isInteger(number) && !isInt32(number)) {
      // The column is PostgreSQL's integer: refused here, naming the field, not by the database.
      const range = `${INT32_MIN} to ${INT32_MAX}`
      throw new ImportError(`Expected an integer from ${range}, got ${describeValue(raw)}.`, where)
    }
    if (Number.isFinite(number) && (!whole || Number.isInteger(number))) return number
  }
  const expected = {
    text: 'text',
    integer: 'an integer in decimal digits',
    number: 'a number in decimal digits',
  }[attribute.type]
  // Described, not serialised: JSON would show 1e400, read as Infinity, as null.
  throw new ImportError(`Expected ${expected}, got ${describeValue(raw)}.`, where)
}

/**
 * The longest text attribute: names, codes and short lists (a park's leading industries) are
 * far shorter, and every lookup, check answer and tile carries the text again.
 */
const MAX_TEXT_CHARACTERS = 500

const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1
const isInt32 = (n: number) => n >= INT32_MIN && n <= INT32_MAX

/**
 * The text, or for an attribute of fixed values the code it stands for; throws an ImportError
 * listing the codes and their Chinese forms when it stands for none.
 */
function fixedValue(
  text: string,
  attribute: LayerAttribute,
  where: { file?: string; feature: number; field: string },
): string {
  if (!attribute.values) return text
  const code = valueCode(attribute.values, text)
  if (code !== undefined) return code
  const message =
    `The value ${JSON.stringify(text)} is not allowed: the column takes ` +
    `${describeValues(attribute.values)}.`
  throw new ImportError(message, where)
}

/** Values whose last character a .dbf field's width cut in two: how many, where, and the first. */
export interface CutText {
  count: number
  /** The attributes holding them, in the layer's order. */
  fields: string[]
  /** How many features hold one, and the first of them by number, up to ten. */
  featureCount: number
  features: number[]
}

/**
 * The text values that end in U+FFFD, which the .dbf reader writes for a last character that a
 * field too narrow for it cut in two (see checkDbfText): imported, as the rest of the text is
 * whole, and counted, so that the command can say the source's fields are too narrow.
 * Undefined when there are none. Pure.
 */
export function cutTextOf(rows: FeatureRow[]): CutText | undefined {
  let count = 0
  const fields = new Set<string>()
  const features: number[] = []
  let featureCount = 0
  for (const row of rows) {
    let cut = false
    for (const [name, value] of Object.entries(row.values)) {
      if (typeof value !== 'string' || !value.endsWith('\uFFFD')) continue
      count++
      fields.add(name)
      cut = true
    }
    if (!cut) continue
    featureCount++
    if (features.length < 10) features.push(row.number)
  }
  return count > 0 ? { count, fields: [...fields], featureCount, features } : undefined
}

/**
 * The fields of the features that no attribute of the layer reads, by name or alias, in the
 * order first met: left out of the import, and listed by the command, as a misspelt field
 * (UNITCODE for unit_code) would otherwise leave its attribute empty without a word. Pure.
 */
export function unreadFields(layer: Layer, features: Feature[]): string[] {
  const read = new Set(layer.attributes.flatMap((a) => fieldNames(a).map((n) => n.toLowerCase())))
  const unread = new Set<string>()
  for (const feature of features) {
    for (const key of Object.keys(feature.properties ?? {})) {
      if (!read.has(key.toLowerCase())) unread.add(key)
    }
  }
  return [...unread]
}
