import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../server/config.ts'
import { readDatasetDescription } from '../../server/import/dataset-description.ts'
import { readJsonFile } from '../../server/import/json-file.ts'
import { ImportError } from '../../server/import/import-error.ts'

const FILE = 'dataset.json'
const GOOD = { name: '衡阳市生态环境分区管控成果', version: '2024-06' }

/** The refusal of `json` as the import prints it after "Nothing imported: ". */
function refusal(json: unknown): string {
  try {
    readDatasetDescription(json, FILE)
  } catch (error) {
    if (error instanceof ImportError) return error.describe()
    throw error
  }
  throw new Error(`${JSON.stringify(json)} was taken`)
}

describe('readDatasetDescription', () => {
  it('takes every field, trimmed, as official data', () => {
    const description = readDatasetDescription(
      {
        name: ' 衡阳市生态环境分区管控成果 ',
        name_en: 'Hengyang ecological zoning',
        version: '2024-06',
        illustrative: false,
        notice_zh: '以批复文件为准。',
        notice_en: 'The approved documents prevail.',
        boundary_source: '衡阳市自然资源和规划局',
        datum_note: 'CGCS2000 longitude/latitude',
      },
      FILE,
    )
    expect(description).toEqual({
      name: '衡阳市生态环境分区管控成果',
      name_en: 'Hengyang ecological zoning',
      illustrative: false,
      notice_zh: '以批复文件为准。',
      notice_en: 'The approved documents prevail.',
      version: '2024-06',
      boundary_source: '衡阳市自然资源和规划局',
      datum_note: 'CGCS2000 longitude/latitude',
    })
  })

  it('takes the example the README points to', async () => {
    const file = path.join(REPO_ROOT, 'data', 'dataset.example.json')
    expect(readDatasetDescription(await readJsonFile(file), file)).toMatchObject({
      name: '××市生态环境分区管控成果',
      version: '2024-06',
      illustrative: false,
    })
  })

  it('needs only the name and version; the rest is empty or left out', () => {
    expect(readDatasetDescription({ ...GOOD, notice_en: null, name_en: '  ' }, FILE)).toEqual({
      name: '衡阳市生态环境分区管控成果',
      name_en: '',
      illustrative: false,
      notice_zh: '',
      notice_en: '',
      version: '2024-06',
    })
  })

  it('refuses illustrative true, which only the shipped sample carries', () => {
    expect(refusal({ ...GOOD, illustrative: true })).toBe(
      'dataset.json, field illustrative: true marks the illustrative sample, whose tiles and ' +
        'portal say no decision may rest on the data; a description imported here is of ' +
        'official data. Leave illustrative out, or set it to false.',
    )
    expect(refusal({ ...GOOD, illustrative: 'false' })).toBe(
      'dataset.json, field illustrative: Expected false, or no illustrative at all; got "false".',
    )
  })

  const NAME = 'field name: Give the name of the data in Chinese, which every tile set credits.'
  const VERSION = 'field version: Give the version of the data, such as "2024-06" or "2023年版".'
  const ONE_LINE = 'write the text on one line, without tabs.'
  const READS = 'which would make the text read other than it is; remove it.'
  it.each([
    ['no name', { version: '1' }, NAME],
    ['a blank name', { name: '  ', version: '1' }, NAME],
    ['no version', { name: 'x' }, VERSION],
    ['a null version', { name: 'x', version: null }, VERSION],
    [
      'a version in numbers',
      { ...GOOD, version: 2024 },
      'field version: Expected text, got 2024; write it in quotes, "2024".',
    ],
    [
      'version none',
      { ...GOOD, version: 'none' },
      'field version: "none" is what the service says when no dataset is loaded; give the ' +
        'version of the data, such as "2024-06" or "2023年版".',
    ],
    ['a name in an array', { ...GOOD, name: ['衡阳'] }, 'field name: Expected text, got an array.'],
    [
      'an English name in an object',
      { ...GOOD, name_en: { en: 'x' } },
      'field name_en: Expected text, got a JSON object.',
    ],
    [
      'a notice that is a boolean',
      { ...GOOD, notice_zh: false },
      'field notice_zh: Expected text, got false; write it in quotes, "false".',
    ],
    [
      'a name of 101 characters',
      { ...GOOD, name: '衡'.repeat(101) },
      'field name: At most 100 characters, got 101.',
    ],
    [
      'an English name of 201 characters',
      { ...GOOD, name_en: 'a'.repeat(201) },
      'field name_en: At most 200 characters, got 201.',
    ],
    [
      'a version of 65 characters',
      { ...GOOD, version: 'v'.repeat(65) },
      'field version: At most 64 characters, got 65.',
    ],
    [
      'a Chinese notice of 1001 characters',
      { ...GOOD, notice_zh: '注'.repeat(1001) },
      'field notice_zh: At most 1000 characters, got 1001.',
    ],
    [
      'an English notice of 1001 characters',
      { ...GOOD, notice_en: 'n'.repeat(1001) },
      'field notice_en: At most 1000 characters, got 1001.',
    ],
    [
      'a boundary source of 1001 characters',
      { ...GOOD, boundary_source: 'b'.repeat(1001) },
      'field boundary_source: At most 1000 characters, got 1001.',
    ],
    [
      'a datum note of 2001 characters',
      { ...GOOD, datum_note: 'd'.repeat(2001) },
      'field datum_note: At most 2000 characters, got 2001.',
    ],
    [
      'a line break in a notice',
      { ...GOOD, notice_zh: '第一行\n第二行' },
      `field notice_zh: Holds the control character U+000A at character 4; ${ONE_LINE}`,
    ],
    [
      'a tab in the English name',
      { ...GOOD, name_en: 'Heng\tyang' },
      `field name_en: Holds the control character U+0009 at character 5; ${ONE_LINE}`,
    ],
    [
      'NUL in the version',
      { ...GOOD, version: '2024\u0000' },
      'field version: The text holds the NUL character (\\u0000), which the database cannot ' +
        'store.',
    ],
    [
      'a zero-width space in the name',
      { ...GOOD, name: '衡阳\u200b市' },
      `field name: Holds the invisible character U+200B at character 3, ${READS}`,
    ],
    [
      'a right-to-left override in a notice',
      { ...GOOD, notice_en: 'abc\u202edef' },
      `field notice_en: Holds the invisible character U+202E at character 4, ${READS}`,
    ],
    [
      'an unpaired surrogate',
      { ...GOOD, boundary_source: 'x\ud800' },
      'field boundary_source: The text holds an unpaired surrogate (\\ud800), which is no ' +
        'character.',
    ],
  ])('refuses %s, naming the field', (_, json, expected) => {
    expect(refusal(json)).toBe(`dataset.json, ${expected}`)
  })

  it('counts characters, not UTF-16 units: 100 characters outside the BMP are a name', () => {
    expect(readDatasetDescription({ ...GOOD, name: '𠀀'.repeat(100) }, FILE).name).toHaveLength(200)
  })

  it('refuses unknown fields, naming each, before any other problem', () => {
    expect(refusal({ name: 'x', verison: '1' })).toBe(
      'dataset.json: Unknown field "verison"; a dataset description has name, name_en, version, ' +
        'notice_zh, notice_en, boundary_source, datum_note and illustrative.',
    )
    expect(refusal({ ...GOOD, name_zh: '衡阳', manifest: 'x', 'a\u200bb': 1 })).toBe(
      'dataset.json: Unknown fields "name_zh", "manifest", "a\\u200bb"; a dataset description ' +
        'has name, name_en, version, notice_zh, notice_en, boundary_source, datum_note and ' +
        'illustrative.',
    )
  })

  it('refuses what is not one JSON object', () => {
    expect(refusal([GOOD])).toBe(
      'dataset.json: Expected a JSON object describing the dataset, got an array.',
    )
    expect(refusal('衡阳')).toBe(
      'dataset.json: Expected a JSON object describing the dataset, got "衡阳".',
    )
    expect(refusal(null)).toBe(
      'dataset.json: Expected a JSON object describing the dataset, got null.',
    )
  })
})
