import type { Database } from '../../server/db/database.ts'

/**
 * Opens a transaction on `db`, runs `statement` in it, and keeps it open until the returned
 * `release` is called; `release` resolves once the transaction has ended. On the embedded
 * database, which runs one transaction at a time, everything else waits meanwhile; on
 * PostgreSQL the transaction holds one pooled connection, and whatever its statement locks.
 */
export async function openTransaction(
  db: Pick<Database, 'transaction'>,
  statement = 'SELECT 1',
): Promise<{ release(): Promise<void> }> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let opened!: () => void
  const open = new Promise<void>((resolve) => (opened = resolve))
  const ended = db.transaction(async (tx) => {
    await tx.query(statement)
    opened()
    await released
  })
  await Promise.race([open, ended])
  return {
    async release() {
      release()
      await ended
    },
  }
}
