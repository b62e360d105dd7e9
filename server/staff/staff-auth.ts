import type { Context, Next } from 'koa'
import type { Queryable } from '../db/database.ts'
import { headerCount } from '../http/header-count.ts'
import { HttpError } from '../http/http-error.ts'
import { staffByToken, type StaffMember } from './staff-store.ts'
import { isStaffToken, roleAllows, type StaffRole } from './staff-token.ts'

/** The staff member a request was authenticated as, in `ctx.state.staff`. */
export function staffOf(ctx: Context): StaffMember {
  return ctx.state.staff as StaffMember
}

function unauthorized(ctx: Context, code: string, message: string): HttpError {
  ctx.set('WWW-Authenticate', 'Bearer realm="ecozoning staff"')
  return new HttpError(401, code, message, 'authorization')
}

/**
 * Admits a request carrying `Authorization: Bearer <token>` of a live staff token whose role
 * allows `required`, and puts the member in `ctx.state.staff`. A missing, malformed, unknown or
 * revoked token is a 401; a role short of `required` a 403.
 */
export function requireStaff(db: Queryable, required: StaffRole) {
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization')
    if (headerCount(ctx.req, 'authorization') > 1) {
      const message = 'Send one Authorization header, not several.'
      throw unauthorized(ctx, 'STAFF_TOKEN_INVALID', message)
    }
    if (!header) {
      const message = 'Staff endpoints need a token: send Authorization: Bearer <token>.'
      throw unauthorized(ctx, 'STAFF_TOKEN_MISSING', message)
    }
    const [scheme, token, ...rest] = header.trim().split(/\s+/)
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0 || !isStaffToken(token)) {
      const message =
        'The Authorization header must be "Bearer " and a staff token (ezs_ and 43 characters).'
      throw unauthorized(ctx, 'STAFF_TOKEN_INVALID', message)
    }
    const member = await staffByToken(db, token)
    if (!member) throw unauthorized(ctx, 'STAFF_TOKEN_INVALID', 'This staff token is not known.')
    if (member.revoked_at) {
      throw unauthorized(ctx, 'STAFF_TOKEN_REVOKED', 'This staff token has been revoked.')
    }
    if (!roleAllows(member.role, required)) {
      const message =
        `This needs the ${required} role or higher; ` + `the token's role is ${member.role}.`
      throw new HttpError(403, 'ROLE_FORBIDDEN', message)
    }
    ctx.state.staff = member
    await next()
  }
}
