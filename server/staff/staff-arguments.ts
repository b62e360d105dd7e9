import { STAFF_ROLES, isStaffRole, type StaffRole } from './staff-token.ts'

export const STAFF_USAGE = `Usage:
  npm run staff -- add NAME --role ROLE   issue a token (shown once) to a new staff member
  npm run staff -- list                   list staff, their roles and whether revoked
  npm run staff -- revoke NAME            revoke the live token of NAME

Roles: ${STAFF_ROLES.join(', ')} (each may do all the ones before it may).
  viewer      lists and reads reports without contacts, and leads
  officer     also sees contacts and moves reports up to replied
  supervisor  also closes reports, extends deadlines and reads the audit log`

export type StaffArguments =
  | { kind: 'add'; name: string; role: StaffRole }
  | { kind: 'list' }
  | { kind: 'revoke'; name: string }
  | { kind: 'help' }
  | { kind: 'usage-error'; problem: string }

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u

/** Reads the staff command's arguments; a problem names what is wrong. */
export function parseStaffArguments(args: string[]): StaffArguments {
  if (args.includes('--help') || args.includes('-h') || args.length === 0) return { kind: 'help' }
  const [command, ...rest] = args
  const usage = (problem: string): StaffArguments => ({ kind: 'usage-error', problem })

  if (command === 'list') {
    return rest.length === 0 ? { kind: 'list' } : usage('list takes no arguments.')
  }
  if (command === 'revoke') {
    if (rest.length !== 1) return usage('revoke takes one NAME.')
    const name = rest[0]!
    return NAME.test(name) ? { kind: 'revoke', name } : usage(nameProblem(name))
  }
  if (command === 'add') {
    let name: string | undefined
    let role: string | undefined
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!
      if (arg === '--role') {
        if (role !== undefined) return usage('--role is given twice.')
        role = rest[++i]
        if (role === undefined) return usage(`--role needs one of ${STAFF_ROLES.join(', ')}.`)
      } else if (arg.startsWith('--role=')) {
        if (role !== undefined) return usage('--role is given twice.')
        role = arg.slice('--role='.length)
      } else if (arg.startsWith('-')) {
        return usage(`Unknown option ${arg}.`)
      } else if (name === undefined) {
        name = arg
      } else {
        return usage(`add takes one NAME; ${arg} is one too many.`)
      }
    }
    if (name === undefined) return usage('add needs a NAME.')
    if (!NAME.test(name)) return usage(nameProblem(name))
    if (role === undefined) return usage(`add needs --role, one of ${STAFF_ROLES.join(', ')}.`)
    if (!isStaffRole(role)) {
      return usage(`--role must be one of ${STAFF_ROLES.join(', ')}, not ${role}.`)
    }
    return { kind: 'add', name, role }
  }
  return usage(`Unknown command ${command}; use add, list or revoke.`)
}

function nameProblem(name: string): string {
  return (
    `NAME must be 1–64 letters, digits, spaces, dots, @, _ or -, starting with a letter or ` +
    `digit; got ${JSON.stringify(name.slice(0, 70))}.`
  )
}
