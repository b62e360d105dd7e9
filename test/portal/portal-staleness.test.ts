import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staleness } from '../../server/portal/portal-build.ts'

describe('when the portal is rebuilt', () => {
  let root: string
  const at = (...parts: string[]) => path.join(root, ...parts)
  const touch = (file: string, secondsAgo: number) => {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, '')
    const time = Date.now() / 1000 - secondsAgo
    utimesSync(file, time, time)
  }

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ecozoning-staleness-'))
    touch(at('portal', 'src', 'pages', 'index.astro'), 300)
    touch(at('server', 'ops', 'openapi-document.ts'), 300)
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('builds when nothing was built', async () => {
    expect(await staleness(at('portal'), at('portal', 'dist'))).toBe('missing')
  })

  it('keeps a build newer than every source', async () => {
    touch(at('portal', 'dist', 'index.html'), 200)
    expect(await staleness(at('portal'), at('portal', 'dist'))).toBeUndefined()
  })

  it('rebuilds after a page changes', async () => {
    touch(at('portal', 'src', 'pages', 'index.astro'), 100)
    expect(await staleness(at('portal'), at('portal', 'dist'))).toBe('stale')
  })

  it('rebuilds after the OpenAPI document changes: the API page is written from it', async () => {
    touch(at('portal', 'dist', 'index.html'), 50)
    expect(await staleness(at('portal'), at('portal', 'dist'))).toBeUndefined()
    touch(at('server', 'ops', 'openapi-document.ts'), 10)
    expect(await staleness(at('portal'), at('portal', 'dist'))).toBe('stale')
  })
})
