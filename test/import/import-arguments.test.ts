import { describe, expect, it } from 'vitest'
import { parseImportArguments } from '../../server/import/import-arguments.ts'

describe('parseImportArguments', () => {
  it('reads a file, its layer and the options', () => {
    const args = parseImportArguments([
      'zones.zip',
      '--layer',
      'water_source_zones',
      '--crs=EPSG:4526',
      '--encoding',
      'CP936',
      '--member',
      '水源',
    ])
    expect(args).toMatchObject({
      kind: 'layer',
      file: 'zones.zip',
      layer: 'water_source_zones',
      encoding: 'gbk',
      member: '水源',
    })
    expect(args.kind === 'layer' && args.crs?.name).toContain('EPSG:4526')
  })

  it('takes rules and industries as access lists', () => {
    expect(parseImportArguments(['rules.json', '--layer', 'rules'])).toEqual({
      kind: 'access-list',
      file: 'rules.json',
      list: 'rules',
    })
  })

  it('takes dataset as the description of the data', () => {
    expect(parseImportArguments(['dataset.json', '--layer=dataset'])).toEqual({
      kind: 'dataset',
      file: 'dataset.json',
    })
    expect(
      parseImportArguments(['dataset.json', '--layer', 'dataset', '--encoding', 'gbk']),
    ).toEqual({ kind: 'usage-error', problem: '--encoding does not apply to --layer dataset.' })
  })

  it('asks for the file and the layer when they are missing', () => {
    expect(parseImportArguments([])).toMatchObject({ problem: 'Give the FILE to import.' })
    expect(parseImportArguments(['a.geojson'])).toMatchObject({
      problem: 'Give the layer to replace with --layer NAME.',
    })
  })

  it('refuses an unknown CRS or encoding, listing what it takes', () => {
    const crs = parseImportArguments(['a.zip', '--layer', 'rivers', '--crs', 'EPSG:2362'])
    expect(crs.kind === 'usage-error' && crs.problem).toContain('EPSG:4491–4554')
    const encoding = parseImportArguments(['a.zip', '--layer', 'rivers', '--encoding', 'ebcdic'])
    expect(encoding.kind === 'usage-error' && encoding.problem).toContain('gbk')
  })

  it('refuses unknown options and a second file', () => {
    expect(parseImportArguments(['a.zip', '--layer', 'rivers', '--force']).kind).toBe('usage-error')
    expect(parseImportArguments(['a.zip', 'b.zip', '--layer', 'rivers']).kind).toBe('usage-error')
  })

  it('refuses an option given twice, naming it, rather than taking the last', () => {
    expect(parseImportArguments(['a.zip', '--layer', 'rivers', '--layer', 'districts'])).toEqual({
      kind: 'usage-error',
      problem: '--layer is given twice.',
    })
    expect(
      parseImportArguments(['a.zip', '--layer=rivers', '--encoding', 'gbk', '--encoding=utf-8']),
    ).toEqual({ kind: 'usage-error', problem: '--encoding is given twice.' })
  })

  it('refuses geometry options for the access list', () => {
    const args = parseImportArguments(['rules.json', '--layer', 'rules', '--crs', 'gcj02'])
    expect(args).toMatchObject({ problem: '--crs does not apply to --layer rules.' })
  })

  it('answers --help', () => {
    expect(parseImportArguments(['-h'])).toEqual({ kind: 'help' })
  })
})
