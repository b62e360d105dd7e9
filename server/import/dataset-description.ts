import { NO_DATASET, type DatasetInfo } from '../data/dataset-info.ts'
import { unstorableText } from '../db/storable-text.ts'
import { labelTextProblem } from '../db/text-characters.ts'
import { describeValue } from '../http/describe-value.ts'
import { ImportError } from './import-error.ts'

interface TextField {
  /** What a required field holds, as the refusal of a missing one says. */
  required?: string
  /** In characters (code points), so Chinese and English text are measured alike. */
  max: number
}

/**
 * The text fields of a dataset description, in the order the error for an unknown field lists
 * them. The limits leave room for a long official title and notice while catching a file pasted
 * into the wrong field; the sample's longest text, its datum note, is 433 characters.
 */
const TEXT_FIELDS = {
  name: { required: 'the name of the data in Chinese, which every tile set credits', max: 100 },
  name_en: { max: 200 },
  version: { required: 'the version of the data, such as "2024-06" or "2023年版"', max: 64 },
  notice_zh: { max: 1_000 },
  notice_en: { max: 1_000 },
  boundary_source: { max: 1_000 },
  datum_note: { max: 2_000 },
} satisfies Record<string, TextField>

type TextFieldName = keyof typeof TEXT_FIELDS

export const DATASET_FIELDS = [...Object.keys(TEXT_FIELDS), 'illustrative'] as const

/**
 * The dataset description that the JSON object `json` of `file` gives, as stored: texts trimmed,
 * the optional ones empty (notices, English name) or left out (boundary source, datum note)
 * when not given, and `illustrative` false. Throws an ImportError naming the file and field.
 * Pure.
 *
 * `illustrative` may only be left out or false: it marks the shipped sample, whose tiles and
 * portal say no decision may rest on the data, and a description copied from the sample's
 * manifest must not carry it over to official data unnoticed.
 */
export function readDatasetDescription(json: unknown, file: string): DatasetInfo {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const message = `Expected a JSON object describing the dataset, got ${describeValue(json)}.`
    throw new ImportError(message, { file })
  }
  const given = json as Record<string, unknown>

  // Before the other checks: a misspelt field would otherwise be reported as a missing one.
  const unknown = Object.keys(given).filter(
    (key) => !(DATASET_FIELDS as readonly string[]).includes(key),
  )
  if (unknown.length > 0) {
    const names = unknown.map((key) => describeValue(key)).join(', ')
    const message =
      `Unknown field${unknown.length === 1 ? '' : 's'} ${names}; a dataset description has ` +
      `${DATASET_FIELDS.slice(0, -1).join(', ')} and ${DATASET_FIELDS.at(-1)}.`
    throw new ImportError(message, { file })
  }

  const illustrative = given.illustrative
  if (illustrative === true) {
    const message =
      'true marks the illustrative sample, whose tiles and portal say no decision may rest on ' +
      'the data; a description imported here is of official data. Leave illustrative out, or ' +
      'set it to false.'
    throw new ImportError(message, { file, field: 'illustrative' })
  }
  if (illustrative !== undefined && illustrative !== null && illustrative !== false) {
    const message = `Expected false, or no illustrative at all; got ${describeValue(illustrative)}.`
    throw new ImportError(message, { file, field: 'illustrative' })
  }

  const texts: Partial<Record<TextFieldName, string>> = {}
  for (const [field, rules] of Object.entries(TEXT_FIELDS) as [TextFieldName, TextField][]) {
    const text = readText(given[field], rules, { file, field })
    if (text !== undefined) texts[field] = text
  }
  if (texts.version === NO_DATASET.version) {
    const message =
      `"${NO_DATASET.version}" is what the service says when no dataset is loaded; give the ` +
      'version of the data, such as "2024-06" or "2023年版".'
    throw new ImportError(message, { file, field: 'version' })
  }

  return {
    name: texts.name!,
    name_en: texts.name_en ?? '',
    illustrative: false,
    notice_zh: texts.notice_zh ?? '',
    notice_en: texts.notice_en ?? '',
    version: texts.version!,
    ...(texts.boundary_source === undefined ? {} : { boundary_source: texts.boundary_source }),
    ...(texts.datum_note === undefined ? {} : { datum_note: texts.datum_note }),
  }
}

/** One text field, trimmed; undefined when an optional one is left out, null or empty. */
function readText(
  value: unknown,
  rules: TextField,
  where: { file: string; field: string },
): string | undefined {
  const missing = () => new ImportError(`Give ${rules.required}.`, where)
  if (value === undefined || value === null) {
    if (!rules.required) return undefined
    throw missing()
  }
  if (typeof value !== 'string') {
    // A version written 2024 rather than "2024" is the likely slip: JSON text needs quotes.
    const quote =
      typeof value === 'number' || typeof value === 'boolean'
        ? `; write it in quotes, "${String(value)}"`
        : ''
    throw new ImportError(`Expected text, got ${describeValue(value)}${quote}.`, where)
  }

  const text = value.trim()
  if (text === '') {
    if (!rules.required) return undefined
    throw missing()
  }
  const length = [...text].length
  if (length > rules.max) {
    throw new ImportError(`At most ${rules.max} characters, got ${length}.`, where)
  }
  const unstorable = unstorableText(text)
  if (unstorable) throw new ImportError(unstorable, where)
  // The texts are one-line labels in tiles, banners and printed reports.
  const hidden = labelTextProblem(text)
  if (hidden) throw new ImportError(hidden, where)
  return text
}
