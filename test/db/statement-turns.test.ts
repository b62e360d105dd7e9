import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/database.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'

// A command's Ctrl-C, a server's timers and its other sockets are heard only when the event loop
// turns: a chain of statements must give it a turn, on either back end.
for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`statements and the event loop ${backend.title}`, () => {
    let db: Database
    let drop: (() => Promise<void>) | undefined
    beforeAll(async () => {
      const scratch = backend.name === 'postgres' ? await createScratchDatabase() : undefined
      drop = scratch?.drop
      db = await openDatabase({ url: scratch?.url, poolSize: 1 })
    })
    afterAll(async () => {
      await db?.close()
      await drop?.()
    })

    it('turns before the second of a chain of statements', async () => {
      let turned = false
      let before = 0
      setImmediate(() => (turned = true))
      for (let i = 0; i < 20; i++) {
        await db.query('SELECT $1::integer AS i', [i])
        if (!turned) before++
      }
      expect(before).toBeLessThanOrEqual(1)
    })

    it('turns between the statements of a transaction', async () => {
      let turned = false
      let before = 0
      await db.transaction(async (tx) => {
        setImmediate(() => (turned = true))
        for (let i = 0; i < 20; i++) {
          await tx.query('SELECT $1::integer AS i', [i])
          if (!turned) before++
        }
      })
      expect(before).toBeLessThanOrEqual(1)
    })
  })
}
