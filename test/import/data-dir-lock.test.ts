import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DataDirBusyError,
  LOCK_FILE,
  lockDataDir,
  type LockHolder,
} from '../../server/db/data-dir-lock.ts'
import { StartupError } from '../../server/startup-error.ts'

describe('lockDataDir', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-lock-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const lockFile = () => path.join(dir, LOCK_FILE)
  const holder = (pid: number, role = 'server'): LockHolder => ({
    pid,
    host: os.hostname(),
    role,
    since: '2024-01-01T00:00:00.000Z',
  })
  const writeHolder = (h: LockHolder) => writeFile(lockFile(), JSON.stringify(h))

  it('takes a free folder, creating it, and records who holds it', async () => {
    const folder = path.join(dir, 'new', 'pglite')
    const lock = await lockDataDir(folder, 'import')
    const recorded = JSON.parse(await readFile(lock.file, 'utf8')) as LockHolder
    expect(recorded).toMatchObject({ pid: process.pid, host: os.hostname(), role: 'import' })
    await lock.release()
    await expect(readFile(lock.file)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a folder a live process holds, saying how to go on', async () => {
    // The process that started this test runs as long as the test does.
    await writeHolder(holder(process.ppid))
    const error = await lockDataDir(dir, 'import').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataDirBusyError)
    expect((error as Error).message).toBe(
      `The embedded database in ${dir} is in use by the server (pid ${process.ppid} on ` +
        `${os.hostname()}, since 2024-01-01T00:00:00.000Z); it cannot be shared between ` +
        'processes. Stop the server first, or run both on PostgreSQL with DATABASE_URL.',
    )
  })

  it('names the command that holds the folder, and says to wait for it', async () => {
    await writeHolder(holder(process.ppid, 'tile seeder'))
    const error = await lockDataDir(dir, 'server').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataDirBusyError)
    expect((error as Error).message).toBe(
      `The embedded database in ${dir} is in use by the tile seeder (pid ${process.ppid} on ` +
        `${os.hostname()}, since 2024-01-01T00:00:00.000Z); it cannot be shared between ` +
        'processes. Wait for the tile seeder to finish, or run both on PostgreSQL with ' +
        'DATABASE_URL.',
    )
  })

  it('refuses a folder held from another host, whose process it cannot check', async () => {
    await writeHolder({ ...holder(process.ppid), host: 'elsewhere.example' })
    await expect(lockDataDir(dir, 'import')).rejects.toBeInstanceOf(DataDirBusyError)
  })

  it('takes over a lock whose process has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    await writeHolder(holder(ended))
    const lock = await lockDataDir(dir, 'import')
    expect(JSON.parse(await readFile(lock.file, 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('takes over a lock bearing its own pid, left by a predecessor', async () => {
    await writeHolder(holder(process.pid))
    const lock = await lockDataDir(dir, 'server')
    await lock.release()
  })

  it('takes over a lock file it cannot read', async () => {
    await writeFile(lockFile(), '')
    const lock = await lockDataDir(dir, 'import')
    await lock.release()
  })

  it('refuses a file in place of the folder, naming DATA_DIR, and leaves the file be', async () => {
    const file = path.join(dir, 'pglite')
    await writeFile(file, 'notes')
    const error = await lockDataDir(file, 'server').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StartupError)
    expect((error as Error).message).toBe(
      `DATA_DIR ${file} cannot hold the embedded database: it is a file, not a folder. ` +
        'Point DATA_DIR at a folder this process may write in (one missing is created).',
    )
    expect(await readFile(file, 'utf8')).toBe('notes')
  })

  it('refuses a folder whose path runs through a file, naming DATA_DIR', async () => {
    await writeFile(path.join(dir, 'data'), '')
    const folder = path.join(dir, 'data', 'pglite')
    const error = await lockDataDir(folder, 'import').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StartupError)
    expect((error as Error).message).toBe(
      `DATA_DIR ${folder} cannot hold the embedded database: part of its path is a file, not ` +
        'a folder. Point DATA_DIR at a folder this process may write in (one missing is created).',
    )
  })

  it('leaves a lock another process took in place on release', async () => {
    const lock = await lockDataDir(dir, 'import')
    await writeHolder(holder(process.ppid))
    await lock.release()
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.ppid)
  })
})
