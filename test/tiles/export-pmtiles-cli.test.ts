import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { fixtureDatabase, lines, runScript, type FixtureDatabase } from './support/command.ts'
import { openArchive } from './support/pmtiles-file.ts'

const exportArchive = (args: string[], env: Record<string, string>) =>
  runScript('export-pmtiles.ts', args, env)

describe('npm run export-pmtiles with a bad command line', () => {
  it.each([
    [['--out', 'a.pmtiles'], 'Give the layer to export with --layer NAME or zoning.'],
    [['--layer', 'zoning', '--out', 'a.mbtiles'], '--out must end in .pmtiles, got "a.mbtiles".'],
    [
      ['--layer', 'zoning', '--out', 'a.pmtiles', '--bbox', '1,2'],
      '--bbox takes four numbers west,south,east,north in degrees, got "1,2".',
    ],
    [
      ['--layer', 'zoning', '--out', 'a.pmtiles', '--minzoom', 'x'],
      '--minzoom must be a whole number from 0 to 24, got "x".',
    ],
    [
      ['--layer', 'zoning', '--layer', 'control_units', '--out', 'a.pmtiles'],
      '--layer is given twice.',
    ],
  ])('exits with 2, the problem and the usage for %j', async (args, problem) => {
    const run = await exportArchive(args, {})
    expect(run.code).toBe(2)
    expect(lines(run.stderr)[0]).toBe(problem)
    expect(run.stderr).toContain('Usage: npm run export-pmtiles -- --layer NAME|zoning')
  })

  it('exits with 2 when the folder of --out does not exist', async () => {
    const out = '/nonexistent-folder/zoning.pmtiles'
    const run = await exportArchive(['--layer', 'zoning', '--out', out], {})
    expect(run.code).toBe(2)
    expect(lines(run.stderr)).toEqual([
      `The folder of --out ${out} does not exist; create it first.`,
    ])
  })

  it('exits with 2 when --out names a folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-out-'))
    const out = path.join(dir, 'zoning.pmtiles')
    try {
      await mkdir(out)
      const run = await exportArchive(['--layer', 'zoning', '--out', out], {})
      expect(run.code).toBe(2)
      expect(lines(run.stderr)).toEqual([`--out ${out} is a folder; give the archive's file name.`])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`npm run export-pmtiles ${backend.title}`, () => {
    let fixture: FixtureDatabase
    beforeAll(async () => {
      fixture = await fixtureDatabase(backend)
    })
    afterAll(() => fixture?.drop())

    it('writes an archive the reference reader opens, and reports it', async () => {
      const out = path.join(fixture.tmp, 'zoning.pmtiles')
      const run = await exportArchive(['--layer', 'zoning', '--out', out], fixture.env)
      expect(run.code).toBe(0)
      expect(lines(run.stderr).slice(0, 2)).toEqual([
        'Reading 10 layers (and the label points of 5) from the database and building the ' +
          'indexes...',
        expect.stringMatching(/^Ready in \d+\.\d s\.$/),
      ])
      const [title, tiles] = lines(run.stdout)
      expect(title).toBe(`Wrote ${out}: zoning at z0–14, PMTiles v3 of gzip MVT`)

      const { reader, bytes } = await openArchive(out)
      const header = await reader.getHeader()
      expect([header.minZoom, header.maxZoom]).toEqual([0, 14])
      expect(tiles).toMatch(new RegExp(`^ {2}tiles {12}${header.numAddressedTiles} \\(of \\d+`))
      expect(lines(run.stdout)).toContain(`  bytes            ${bytes.length} (${kib(bytes)} KiB)`)

      const metadata = (await reader.getMetadata()) as {
        name: string
        attribution: string
        vector_layers: { id: string }[]
      }
      expect(metadata.name).toBe('生态环境分区管控')
      expect(metadata.attribution).toBe('测试数据（示例数据 · illustrative）')
      // The fixture has no red line or ecological space; they are in the TileJSON all the same.
      expect(metadata.vector_layers.map((layer) => layer.id)).toEqual([
        'districts',
        'control_units',
        'water_source_zones',
        'nature_reserve_zones',
        'ecological_red_line',
        'ecological_space',
        'industrial_parks',
        'no_raising_zones',
        'rivers',
        'facilities',
        // The named areas' label points.
        'districts_label',
        'control_units_label',
        'water_source_zones_label',
        'nature_reserve_zones_label',
        'industrial_parks_label',
      ])
      const tileBytes = await reader.getZxy(12, 3323, 1728)
      expect(tileBytes?.data.byteLength).toBeGreaterThan(0)
      expect(await readdir(fixture.tmp)).not.toContainEqual(expect.stringMatching(/\.tmp/))
    })

    it('refuses zooms beyond the layer, exit code 2, and writes nothing', async () => {
      const out = path.join(fixture.tmp, 'deep.pmtiles')
      const args = ['--layer', 'control_units', '--out', out, '--minzoom', '15']
      const run = await exportArchive(args, fixture.env)
      expect(run.code).toBe(2)
      expect(lines(run.stderr)).toEqual([
        'Zooms from 15 on lie outside the zoom range of control_units 0–14.',
      ])
      expect(await readdir(fixture.tmp)).not.toContain('deep.pmtiles')
    })
  })
}

const kib = (bytes: Buffer) => Number((bytes.length / 1024).toFixed(1))
