import type { Database, Queryable } from '../db/database.ts'
import { writeAudit } from './audit-log.ts'
import { sameStaffName } from './staff-name.ts'
import { newStaffToken, tokenSha256, type StaffRole } from './staff-token.ts'

export interface StaffMember {
  id: number
  name: string
  role: StaffRole
  created_at: Date
  revoked_at: Date | null
}

export type AddStaffResult =
  | { kind: 'added'; member: StaffMember; token: string }
  /** The same person (see staffNameKey) holds a live token, under the name it was added by. */
  | { kind: 'taken'; holder: StaffMember }

/**
 * Issues a token to a new staff member and returns it: the only time it is seen, as only its
 * sha256 is stored. Refused while the same person, by staffNameKey, holds a live token.
 */
export async function addStaff(
  db: Database,
  name: string,
  role: StaffRole,
): Promise<AddStaffResult> {
  const token = newStaffToken()
  return db.transaction(async (tx) => {
    // Names are compared here rather than by the database's unique index (exact names only), so
    // two adds at once of names for the same person take turns; the server only reads the table.
    await tx.query('LOCK TABLE staff IN SHARE ROW EXCLUSIVE MODE')
    const holder = (await liveStaff(tx)).find((member) => sameStaffName(member.name, name))
    if (holder) return { kind: 'taken', holder }
    const [member] = await tx.query<StaffMember>(
      `INSERT INTO staff (name, role, token_sha256) VALUES ($1, $2, $3)
       RETURNING id, name, role, created_at, revoked_at`,
      [name, role, tokenSha256(token)],
    )
    await writeAudit(tx, { actor: 'cli', action: 'staff.added', detail: { name, role } })
    return { kind: 'added', member: member!, token }
  })
}

/** Every staff member, live and revoked, in the order they were added. */
export async function listStaff(db: Queryable): Promise<StaffMember[]> {
  return db.query<StaffMember>(
    'SELECT id, name, role, created_at, revoked_at FROM staff ORDER BY id',
  )
}

/**
 * Revokes the live tokens of the person `name` is, by staffNameKey: more than one only where
 * names for the same person were added before they were compared so. Returns those revoked,
 * none when the person holds no live token.
 */
export async function revokeStaff(db: Database, name: string): Promise<StaffMember[]> {
  return db.transaction(async (tx) => {
    const revoked: StaffMember[] = []
    for (const live of await liveStaff(tx)) {
      if (!sameStaffName(live.name, name)) continue
      const [member] = await tx.query<StaffMember>(
        `UPDATE staff SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
         RETURNING id, name, role, created_at, revoked_at`,
        [live.id],
      )
      if (!member) continue
      await writeAudit(tx, { actor: 'cli', action: 'staff.revoked', detail: { name: member.name } })
      revoked.push(member)
    }
    return revoked
  })
}

/** The staff members holding a live token, in the order they were added. */
async function liveStaff(tx: Queryable): Promise<StaffMember[]> {
  return tx.query<StaffMember>(
    `SELECT id, name, role, created_at, revoked_at FROM staff WHERE revoked_at IS NULL
     ORDER BY id`,
  )
}

/** The staff member a token was issued to, revoked or not; undefined for an unknown token. */
export async function staffByToken(db: Queryable, token: string): Promise<StaffMember | undefined> {
  const [member] = await db.query<StaffMember>(
    'SELECT id, name, role, created_at, revoked_at FROM staff WHERE token_sha256 = $1',
    [tokenSha256(token)],
  )
  return member
}
