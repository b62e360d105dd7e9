import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../server/config.ts'

// The product's module at `file`, as an import specifier.
const from = (file: string) => JSON.stringify(path.join(REPO_ROOT, file))

// A command at work (an ES module, as the scripts are): it holds the embedded database's folder
// and is writing an archive when the signal comes.
const COMMAND = (tmp: string) => `
import { lockDataDir } from ${from('server/db/data-dir-lock.ts')}
import { exitOnInterrupt } from ${from('server/ops/interrupt-exit.ts')}
import { PmtilesWriter } from ${from('server/tiles/pmtiles-writer.ts')}
exitOnInterrupt('nothing written.')
await lockDataDir(${JSON.stringify(path.join(tmp, 'pglite'))}, 'pmtiles export')
const writer = await PmtilesWriter.create(${JSON.stringify(path.join(tmp, 'out.pmtiles'))})
await writer.addTile({ z: 0, x: 0, y: 0 }, Buffer.from('not really gzip'))
console.log('ready')
setInterval(() => {}, 1000)
`

/** Runs a command script until it prints "ready" (or ends), keeping what it writes. */
async function startCommand(script: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('ready')) resolve()
    }),
  )
  const closed = once(child, 'close')
  await Promise.race([ready, closed])
  return { child, closed, stdout: () => stdout, stderr: () => stderr }
}

describe('a command interrupted at work', () => {
  let tmp: string
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-interrupt-'))
  })
  afterAll(() => rm(tmp, { recursive: true, force: true }))

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s says so, exits %i and leaves no lock or scratch file',
    async (signal, code) => {
      const folder = path.join(tmp, signal)
      await rm(folder, { recursive: true, force: true })
      await mkdir(folder)
      const script = path.join(folder, 'command.mts')
      await writeFile(script, COMMAND(folder))
      const command = await startCommand(script)
      expect(command.stderr(), 'the command failed to start').toBe('')

      // At work: the lock and the archive's scratch file are there.
      expect(await readdir(path.join(folder, 'pglite'))).toEqual(['ecozoning.lock'])
      expect(await readdir(folder)).toContainEqual(expect.stringMatching(/^out\.pmtiles\..*\.tmp/))

      command.child.kill(signal)
      const [exitCode] = await command.closed
      expect(exitCode).toBe(code)
      expect(command.stderr().trim()).toBe(`Interrupted (${signal}): nothing written.`)
      expect(await readdir(path.join(folder, 'pglite'))).toEqual([])
      expect((await readdir(folder)).sort()).toEqual(['command.mts', 'pglite'])
    },
  )

  it('waits out a commit under way, then says what became of it', async () => {
    // A commit on its way when Ctrl-C comes: it settles 300 ms later, and was taken.
    const script = path.join(tmp, 'committing.mts')
    await writeFile(
      script,
      `import { exitOnInterrupt } from ${from('server/ops/interrupt-exit.ts')}
const interrupted = exitOnInterrupt('nothing imported.')
interrupted.hold()
process.on('SIGINT', () => setTimeout(() => {
  console.log('committed')
  interrupted.release('the import had been committed.')
}, 300))
console.log('ready')
setInterval(() => {}, 1000)
`,
    )
    const command = await startCommand(script)
    command.child.kill('SIGINT')
    const [exitCode] = await command.closed
    expect(exitCode).toBe(130)
    expect(command.stdout()).toContain('committed')
    expect(command.stderr().trim()).toBe('Interrupted (SIGINT): the import had been committed.')
  })
})
