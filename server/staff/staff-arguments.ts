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

// Scripts whose letters include many that look like each other's: a name mixing them can pass
// for another person's name written in one of them.
const LOOK_ALIKE_SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
]

/** Reads the staff command's arguments; a problem names what is wrong. */
export function parseStaffArguments(args: string[]): StaffArguments {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' }
  const [command, ...rest] = args
  const usage = (problem: string): StaffArguments => ({ kind: 'usage-error', problem })
  // Nothing asked is not success: a script calling the command without its words must fail.
  if (command === undefined) return usage('Give a command: add, list or revoke.')

  if (command === 'list') {
    return rest.length === 0 ? { kind: 'list' } : usage('list takes no arguments.')
  }
  if (command === 'revoke') {
    if (rest.length !== 1) return usage('revoke takes one NAME.')
    const name = rest[0]!
    const problem = nameProblem(name)
    return problem ? usage(problem) : { kind: 'revoke', name }
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
    const problem = nameProblem(name)
    if (problem) return usage(problem)
    if (role === undefined) return usage(`add needs --role, one of ${STAFF_ROLES.join(', ')}.`)
    if (!isStaffRole(role)) {
      return usage(`--role must be one of ${STAFF_ROLES.join(', ')}, not ${role}.`)
    }
    return { kind: 'add', name, role }
  }
  return usage(`Unknown command ${command}; use add, list or revoke.`)
}

/** What is wrong with a staff name, or undefined when it will do. */
function nameProblem(name: string): string | undefined {
  // Characters that do not show, or show as nothing, would make two names look the same: Hangul
  // fillers, for one, are letters that draw nothing.
  const hidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u.exec(name)
  if (hidden) {
    const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    return (
      `NAME must not contain control or invisible characters; got U+${code} at character ` +
      `${[...name.slice(0, hidden.index)].length + 1} of ${JSON.stringify(name.slice(0, 70))}.`
    )
  }
  if (/^\s|\s$/u.test(name)) {
    return `NAME must not begin or end with a space; got ${JSON.stringify(name.slice(0, 70))}.`
  }
  if (/\s\s/u.test(name)) {
    return `NAME must not hold two spaces in a row; got ${JSON.stringify(name.slice(0, 70))}.`
  }
  // After NFKC, as names are compared: mathematical bold 𝐁 is a Latin B there.
  const plain = name.normalize('NFKC')
  const scripts = LOOK_ALIKE_SCRIPTS.filter(([, letters]) => letters.test(plain))
  if (scripts.length > 1) {
    return (
      `NAME must not mix ${scripts.map(([script]) => script).join(' and ')} letters, which ` +
      `look alike (Cyrillic о and Latin o); got ${JSON.stringify(name.slice(0, 70))}.`
    )
  }
  if (NAME.test(name)) return undefined
  return (
    `NAME must be 1–64 letters, digits, spaces, dots, @, _ or -, starting with a letter or ` +
    `digit; got ${JSON.stringify(name.slice(0, 70))}.`
  )
}
