import { createHash, randomBytes } from 'node:crypto'

/** Roles in increasing power: each may do all that the ones before it may. */
export const STAFF_ROLES = ['viewer', 'officer', 'supervisor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

const TOKEN_PREFIX = 'ezs_'
const TOKEN = /^ezs_[A-Za-z0-9_-]{43}$/

export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value)
}

/** Whether `role` may do what `required` may. */
export function roleAllows(role: StaffRole, required: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(required)
}

/**
 * A new staff token: `ezs_` and 256 random bits as 43 URL-safe base64 characters. Far too many
 * to guess, so its sha256 alone identifies it and no slow password hash is needed.
 */
export function newStaffToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

/** Whether `text` has the shape of a staff token. */
export function isStaffToken(text: string): boolean {
  return TOKEN.test(text)
}

/** The sha256 (hex) of a token, the only form in which tokens are kept. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
