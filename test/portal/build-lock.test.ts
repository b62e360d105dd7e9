import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockBuild } from '../../server/portal/build-lock.ts'

describe('lockBuild', () => {
  let folder: string | undefined
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  async function lockPath(): Promise<string> {
    folder = await mkdtemp(path.join(tmpdir(), 'ecozoning-build-lock-'))
    return path.join(folder, 'cache', 'build.lock')
  }

  it('lets one holder in at a time, in the order they came', async () => {
    const lock = await lockPath()
    const events: string[] = []
    const releaseFirst = await lockBuild(lock)
    events.push('first in')

    let waited = false
    const second = lockBuild(lock, () => (waited = true)).then((release) => {
      events.push('second in')
      return release
    })
    await new Promise((resolve) => setTimeout(resolve, 600))
    events.push('first out')
    await releaseFirst()
    await (
      await second
    )()

    expect(events).toEqual(['first in', 'first out', 'second in'])
    expect(waited).toBe(true)
  })

  it('takes over a lock whose process has ended', async () => {
    const lock = await lockPath()
    await mkdir(lock, { recursive: true })
    // Pids are below 2^22 on Linux, so this one belongs to no process.
    await writeFile(path.join(lock, 'pid'), String(2 ** 22 + 1))

    let waited = false
    const release = await lockBuild(lock, () => (waited = true))
    await release()
    expect(waited).toBe(false)
  })
})
