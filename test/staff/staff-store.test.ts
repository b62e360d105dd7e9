import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/database.ts'
import { sameStaffName } from '../../server/staff/staff-name.ts'
import { addStaff, listStaff, revokeStaff } from '../../server/staff/staff-store.ts'
import { openTransaction } from '../support/open-transaction.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'

describe('sameStaffName', () => {
  const same: [string, string][] = [
    ['Bob', 'bob'],
    ['bob', 'ＢＯＢ'], // full-width letters, U+FF22 U+FF2F U+FF22
    ['li.wei', 'LI．WEI'], // full-width full stop, U+FF0E
    ['bob', 'bob '], // a trailing space, as names added before it was refused have
    ['bob li', 'bob  li'], // two spaces inside, likewise
    ['Strauß', 'STRAUSS'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευς'], // final sigma
    ['No1', 'No①'], // circled digit one, U+2460
    ['张科长', '张科长'],
  ]
  it.each(same)('takes %j and %j for one person', (a, b) => {
    expect(sameStaffName(a, b)).toBe(true)
  })

  const different: [string, string][] = [
    ['bob', 'rob'],
    ['bob', 'bo b'],
    ['张科长', '张科员'],
    ['li.wei', 'li_wei'],
  ]
  it.each(different)('takes %j and %j for two', (a, b) => {
    expect(sameStaffName(a, b)).toBe(false)
  })
})

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`staff names ${backend.title}`, () => {
    let database: MigratedDatabase
    let db: Database
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
      db = database.db
    })
    afterAll(() => database?.close())
    beforeEach(() => db.query('UPDATE staff SET revoked_at = now() WHERE revoked_at IS NULL'))

    const live = async () =>
      (await listStaff(db)).filter((m) => m.revoked_at === null).map((m) => m.name)

    it('refuses a second live token for a name that differs in case or width', async () => {
      expect((await addStaff(db, 'Bob', 'viewer')).kind).toBe('added')
      for (const name of ['bob', 'BOB', 'Ｂｏｂ']) {
        const taken = await addStaff(db, name, 'officer')
        expect(taken.kind === 'taken' && taken.holder).toMatchObject({
          name: 'Bob',
          role: 'viewer',
        })
      }
      expect(await live()).toEqual(['Bob'])

      const revoked = await revokeStaff(db, 'ｂｏｂ')
      expect(revoked.map((m) => m.name)).toEqual(['Bob'])
      expect(await live()).toEqual([])
      expect((await addStaff(db, 'bob', 'officer')).kind).toBe('added')
      expect(await live()).toEqual(['bob'])
    })

    it('issues one token of several asked for at once for the same person', async () => {
      const names = ['Ann', 'ANN', 'ann', 'aNn', 'ａｎｎ', 'ＡＮＮ']
      const results = await Promise.all(names.map((name) => addStaff(db, name, 'viewer')))
      expect(results.filter((r) => r.kind === 'added')).toHaveLength(1)
      expect(await live()).toHaveLength(1)
    })

    // Only PostgreSQL runs transactions side by side; the embedded database runs one at a time,
    // so there no other session can be issuing a token meanwhile.
    if (backend.name === 'postgres') {
      it('waits for a token issued in another session, then refuses the same person', async () => {
        const other = await openTransaction(
          db,
          `INSERT INTO staff (name, role, token_sha256)
           VALUES ('Eve', 'viewer', '${'e'.repeat(64)}')`,
        )
        const adding = addStaff(db, 'EVE', 'officer')
        await sleep(300)
        await other.release()
        const result = await adding
        expect(result.kind === 'taken' && result.holder.name).toBe('Eve')
        expect(await live()).toEqual(['Eve'])
      })
    }

    it('revokes every live token of a person added under names that look alike', async () => {
      // As the staff command allowed before it compared names so.
      for (const [i, name] of ['bob', 'bob ', 'Bob'].entries()) {
        await db.query(`INSERT INTO staff (name, role, token_sha256) VALUES ($1, 'viewer', $2)`, [
          name,
          String(i).repeat(64),
        ])
      }
      const revoked = await revokeStaff(db, 'BOB')
      expect(revoked.map((m) => m.name)).toEqual(['bob', 'bob ', 'Bob'])
      expect(await live()).toEqual([])
      const audit = await db.query<{ detail: { name: string } }>(
        `SELECT detail FROM audit_log WHERE action = 'staff.revoked' ORDER BY id DESC LIMIT 3`,
      )
      expect(audit.map((row) => row.detail.name).sort()).toEqual(['Bob', 'bob', 'bob '])
    })
  })
}
