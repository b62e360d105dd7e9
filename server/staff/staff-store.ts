import type { Database, Queryable } from '../db/database.ts'
import { writeAudit } from './audit-log.ts'
import { newStaffToken, tokenSha256, type StaffRole } from './staff-token.ts'

export interface StaffMember {
  id: number
  name: string
  role: StaffRole
  created_at: Date
  revoked_at: Date | null
}

// PostgreSQL's SQLSTATE for a unique violation.
const UNIQUE_VIOLATION = '23505'

/**
 * Issues a token to a new staff member and returns it: the only time it is seen, as only its
 * sha256 is stored. Returns undefined when `name` already holds a live token.
 */
export async function addStaff(
  db: Database,
  name: string,
  role: StaffRole,
): Promise<{ member: StaffMember; token: string } | undefined> {
  const token = newStaffToken()
  try {
    return await db.transaction(async (tx) => {
      const [member] = await tx.query<StaffMember>(
        `INSERT INTO staff (name, role, token_sha256) VALUES ($1, $2, $3)
         RETURNING id, name, role, created_at, revoked_at`,
        [name, role, tokenSha256(token)],
      )
      await writeAudit(tx, { actor: 'cli', action: 'staff.added', detail: { name, role } })
      return { member: member!, token }
    })
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined
    throw error
  }
}

/** Every staff member, live and revoked, in the order they were added. */
export async function listStaff(db: Queryable): Promise<StaffMember[]> {
  return db.query<StaffMember>(
    'SELECT id, name, role, created_at, revoked_at FROM staff ORDER BY id',
  )
}

/** Revokes the live token of `name`; returns undefined when it has none. */
export async function revokeStaff(db: Database, name: string): Promise<StaffMember | undefined> {
  return db.transaction(async (tx) => {
    const [member] = await tx.query<StaffMember>(
      `UPDATE staff SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL
       RETURNING id, name, role, created_at, revoked_at`,
      [name],
    )
    if (member) {
      await writeAudit(tx, { actor: 'cli', action: 'staff.revoked', detail: { name } })
    }
    return member
  })
}

/** The staff member a token was issued to, revoked or not; undefined for an unknown token. */
export async function staffByToken(db: Queryable, token: string): Promise<StaffMember | undefined> {
  const [member] = await db.query<StaffMember>(
    'SELECT id, name, role, created_at, revoked_at FROM staff WHERE token_sha256 = $1',
    [tokenSha256(token)],
  )
  return member
}
