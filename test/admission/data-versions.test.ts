import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDataVersions } from '../../server/admission/data-versions.ts'
import type { Database } from '../../server/db/database.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'

/** The digest as defined: sha256 of the rules' JSON rows, one per line, in code order. */
async function expectedDigest(db: Database) {
  const rows = await db.query<{ json: string }>(
    `SELECT row_to_json(r)::text AS json
       FROM (SELECT code, unit_code, unit_class, layer, layer_filter, within_m, dimension,
                    effect, industries, project_kinds, text_zh, legal_basis
               FROM rules) r
      ORDER BY r.code`,
  )
  const text = rows.map((row) => row.json).join('\n')
  return { rules: rows.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') }
}

const insertRule = (db: Database, code: string, text: string) =>
  db.query(
    `INSERT INTO rules (code, unit_class, dimension, effect, industries, project_kinds, text_zh)
     VALUES ($1, 'key', 'spatial_layout', 'forbid', '{C26}', '{new}', $2)`,
    [code, text],
  )

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the access list digest ${backend.title}`, () => {
    let database: MigratedDatabase
    let db: Database
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
      db = database.db
    })
    afterAll(() => database?.close())

    const digest = async () => (await readDataVersions(db)).accessList

    it('is the digest of an empty list before any rule is loaded', async () => {
      const empty = createHash('sha256').update('').digest('hex')
      expect(await digest()).toEqual({ rules: 0, sha256: empty })
    })

    it('follows every change to the rules: inserts, updates, deletes, a whole swap', async () => {
      await insertRule(db, 'R2', '禁止新建化学原料制造项目。')
      await insertRule(db, 'R1', '限制扩建。')
      expect(await digest()).toEqual(await expectedDigest(db))
      const two = await digest()

      await db.query("UPDATE rules SET text_zh = text_zh || '（修订）' WHERE code = 'R1'")
      const updated = await digest()
      expect(updated).toEqual(await expectedDigest(db))
      expect(updated.sha256).not.toBe(two.sha256)

      await db.query("DELETE FROM rules WHERE code = 'R2'")
      expect(await digest()).toEqual({ ...(await expectedDigest(db)), rules: 1 })

      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM rules')
        await tx.query(
          `INSERT INTO rules (code, unit_class, dimension, effect, text_zh)
           SELECT 'S' || n, 'general', 'emission_control', 'condition', '排放须达标。'
             FROM generate_series(1, 50) n`,
        )
      })
      expect(await digest()).toEqual({ ...(await expectedDigest(db)), rules: 50 })
    })
  })
}
