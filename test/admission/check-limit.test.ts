import { describe, expect, it } from 'vitest'
import { CheckLimit } from '../../server/admission/check-limit.ts'
import type { HttpError } from '../../server/http/http-error.ts'

/** A piece of work that ends when the test says so, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return {
    open,
    work: async () => {
      started.push(name)
      await opened
      return name
    },
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('CheckLimit', () => {
  it('runs two at once, lets one wait its turn in order, and refuses the next', async () => {
    const limit = new CheckLimit(2, 1)
    const started: string[] = []
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => gate(started, name))
    const runs = [a, b, c].map((g) => limit.run(g!.work))
    await tick()
    expect(started).toEqual(['a', 'b'])

    const refused = (await limit.run(d!.work).catch((e: unknown) => e)) as HttpError
    expect([refused.status, refused.code, refused.retryAfterS, refused.expose]).toEqual([
      503,
      'CHECKS_BUSY',
      5,
      true,
    ])
    expect(started).not.toContain('d')

    b!.open()
    await tick()
    expect(started).toEqual(['a', 'b', 'c'])
    a!.open()
    c!.open()
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c'])
  })

  it('frees its place when a check fails, so the next still runs', async () => {
    const limit = new CheckLimit(1, 1)
    const failing = limit.run(async () => {
      throw new Error('the site was refused')
    })
    const next = limit.run(async () => 'ran')
    await expect(failing).rejects.toThrow('refused')
    expect(await next).toBe('ran')
    expect(await limit.run(async () => 'again')).toBe('again')
  })
})
