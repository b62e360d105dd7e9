import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lines, runProgram } from '../support/run-program.ts'

describe('DATA_DIR naming a file', () => {
  let tmp: string
  let file: string
  let problem: string
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-data-dir-'))
    file = path.join(tmp, 'pglite')
    await writeFile(file, 'not a database')
    problem =
      `DATA_DIR ${file} cannot hold the embedded database: it is a file, not a folder. ` +
      'Point DATA_DIR at a folder this process may write in (one missing is created).'
  })
  afterAll(() => rm(tmp, { recursive: true, force: true }))

  it('stops the server with one log line saying so, without a stack', async () => {
    const run = await runProgram('server/main.ts', [], {
      DATA_DIR: file,
      PORT: '0',
      HOST: '127.0.0.1',
      LOAD_SAMPLE: 'never',
      BUILD_PORTAL: 'never',
      LOG_LEVEL: 'info',
    })
    expect(run.code).toBe(1)
    const last = JSON.parse(lines(run.stdout).at(-1)!) as Record<string, unknown>
    expect(last).toMatchObject({ level: 60, msg: problem })
    expect(last).not.toHaveProperty('err')
    expect(run.stdout).not.toContain('EEXIST')
    expect(await readFile(file, 'utf8')).toBe('not a database')
  })

  const commands: [string, string[], string][] = [
    ['scripts/import.ts', ['data/sample/rules.json', '--layer', 'rules'], 'Nothing imported: '],
    ['scripts/staff.ts', ['list'], ''],
    [
      'scripts/seed-tiles.ts',
      ['--layer', 'all', '--minzoom', '0', '--maxzoom', '2', '--dry-run'],
      '',
    ],
    ['scripts/export-pmtiles.ts', ['--layer', 'zoning', '--out', 'TMP/a.pmtiles'], ''],
  ]
  it.each(commands)('stops %s with one line saying so, exit code 1', async (script, args, lead) => {
    const run = await runProgram(
      script,
      args.map((arg) => arg.replace('TMP', tmp)),
      { DATA_DIR: file },
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(lines(run.stderr)).toEqual([`${lead}${problem}`])
  })
})

describe('DATA_DIR where the embedded database may not write', () => {
  const serverEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOAD_SAMPLE: 'never',
    BUILD_PORTAL: 'never',
    LOG_LEVEL: 'info',
  }
  const lastLine = (stdout: string) => JSON.parse(lines(stdout).at(-1)!) as Record<string, unknown>

  it('stops the server naming DATA_DIR for a folder whose mode is read-only', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-data-dir-'))
    const folder = path.join(tmp, 'pglite')
    await mkdir(folder)
    await chmod(folder, 0o555)
    try {
      const run = await runProgram('server/main.ts', [], { ...serverEnv, DATA_DIR: folder })
      expect(run.code).toBe(1)
      const last = lastLine(run.stdout)
      // As root the lock file is written, and PGlite, which checks mode bits itself, refuses;
      // as another user the lock file is refused first. Either way the line names DATA_DIR.
      expect(last.level).toBe(60)
      expect(last.msg).toMatch(
        new RegExp(`^DATA_DIR ${folder} cannot hold the embedded database: .*\\(EACCES`),
      )
      expect(last).not.toHaveProperty('err')
      expect(await readdir(folder)).toEqual([])
    } finally {
      await chmod(folder, 0o755)
      await rm(tmp, { recursive: true, force: true })
    }
  })

  it('stops the server, touching nothing, for a folder of other files', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-data-dir-'))
    await writeFile(path.join(tmp, 'notes.txt'), 'mine')
    await mkdir(path.join(tmp, 'photos'))
    try {
      const run = await runProgram('server/main.ts', [], { ...serverEnv, DATA_DIR: tmp })
      expect(run.code).toBe(1)
      expect(lastLine(run.stdout)).toMatchObject({
        level: 60,
        msg:
          `DATA_DIR ${tmp} holds other files (notes.txt, photos) and no embedded database. ` +
          'Point DATA_DIR at an empty or missing folder, or at one the server has made.',
      })
      expect((await readdir(tmp)).sort()).toEqual(['notes.txt', 'photos'])
    } finally {
      await rm(tmp, { recursive: true, force: true })
    }
  })

  it('stops the server naming DATA_DIR for a folder that cannot be made under /proc', async () => {
    // Node's recursive mkdir never returns for such a path.
    const folder = '/proc/ecozoning-data/pglite'
    const run = await runProgram('server/main.ts', [], { ...serverEnv, DATA_DIR: folder })
    expect(run.code).toBe(1)
    expect(lastLine(run.stdout)).toMatchObject({
      level: 60,
      msg:
        `DATA_DIR ${folder} cannot hold the embedded database: a folder on its path cannot be ` +
        'created there (ENOENT). Point DATA_DIR at a folder this process may write in (one ' +
        'missing is created).',
    })
  })
})
