import { randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database.ts'

const CHECK_ID = /^[A-Za-z0-9_-]{22}$/

/** A new check id: 128 random bits as 22 URL-safe base64 characters, not guessable. */
export function newCheckId(): string {
  return randomBytes(16).toString('base64url')
}

/** Whether `id` has the shape of a check id. */
export function isCheckId(id: string): boolean {
  return CHECK_ID.test(id)
}

export interface StoredCheck {
  id: string
  inputSha256: string
  /** ISO 8601 time of the check. */
  checkedAt: string
  /** The answer as sent, JSON text. */
  answer: string
}

/** Stores a check's answer. Run it in the check's transaction, so it commits with it. */
export async function saveCheck(db: Queryable, check: StoredCheck): Promise<void> {
  await db.query(
    `INSERT INTO admission_checks (id, input_sha256, checked_at, answer)
     VALUES ($1, $2, $3, $4::json)`,
    [check.id, check.inputSha256, check.checkedAt, check.answer],
  )
}

/** The stored answer of a check, the same JSON text as first sent; undefined when unknown. */
export async function readCheckAnswer(db: Queryable, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ answer: string }>(
    'SELECT answer::text AS answer FROM admission_checks WHERE id = $1',
    [id],
  )
  return row?.answer
}
