import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFolder } from '../../server/db/ensure-folder.ts'

describe('making a folder and its parents', () => {
  let tmp: string
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-folder-'))
  })
  afterAll(() => rm(tmp, { recursive: true, force: true }))

  it('makes every missing folder on the path, and takes one that exists', async () => {
    const deep = path.join(tmp, 'a', 'b', 'c')
    await ensureFolder(deep)
    expect((await stat(deep)).isDirectory()).toBe(true)
    await expect(ensureFolder(deep)).resolves.toBeUndefined()
    await expect(ensureFolder(path.join(tmp, 'a'))).resolves.toBeUndefined()
  })

  it('fails with EEXIST on a file, and ENOTDIR below one', async () => {
    const file = path.join(tmp, 'file')
    await writeFile(file, '')
    await expect(ensureFolder(file)).rejects.toMatchObject({ code: 'EEXIST' })
    await expect(ensureFolder(path.join(file, 'below'))).rejects.toMatchObject({ code: 'ENOTDIR' })
  })

  it('fails with ENOENT, and returns, where the parent refuses new folders', async () => {
    await expect(ensureFolder('/proc/ecozoning-none/a')).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(ensureFolder('/proc/ecozoning-none')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
