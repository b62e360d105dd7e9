import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DatasetInfo } from '../../server/data/dataset-info.ts'
import { SAMPLE_DIR } from '../../server/data/sample-loader.ts'
import { datasetReminder } from '../../server/import/dataset-reminder.ts'

const HOW =
  'Describe the data with npm run import -- dataset.json --layer dataset ' +
  '(see data/dataset.example.json).'

describe('datasetReminder', () => {
  it('says that no description is loaded, and how to give one', () => {
    expect(datasetReminder(undefined)).toBe(
      `No dataset description is loaded: tiles and /api/dataset say "未加载数据". ${HOW}`,
    )
  })

  it("says that the sample's description is still credited", async () => {
    const sample = JSON.parse(
      await readFile(path.join(SAMPLE_DIR, 'manifest.json'), 'utf8'),
    ) as DatasetInfo
    expect(datasetReminder(sample)).toBe(
      'The dataset is still described as the illustrative sample: tiles are credited ' +
        `"衡阳市生态环境分区管控示例数据（示例数据 · illustrative）". ${HOW}`,
    )
  })

  it('says nothing once the data has a description of its own', () => {
    const official: DatasetInfo = {
      name: '衡阳市生态环境分区管控成果',
      name_en: '',
      illustrative: false,
      notice_zh: '',
      notice_en: '',
      version: '2024-06',
    }
    expect(datasetReminder(official)).toBeUndefined()
  })
})
