import { describe, expect, it } from 'vitest'
import { parseStaffArguments } from '../../server/staff/staff-arguments.ts'

describe('parseStaffArguments', () => {
  it('reads add, list and revoke', () => {
    expect(parseStaffArguments(['add', '张科长', '--role', 'supervisor'])).toEqual({
      kind: 'add',
      name: '张科长',
      role: 'supervisor',
    })
    expect(parseStaffArguments(['add', '--role=viewer', 'li.wei'])).toEqual({
      kind: 'add',
      name: 'li.wei',
      role: 'viewer',
    })
    // One script of the look-alike ones per name; Han beside Latin is no look-alike.
    for (const name of ['Борис', 'Αλέξης', '王 Wang', 'Li Wei 2']) {
      expect(parseStaffArguments(['revoke', name])).toEqual({ kind: 'revoke', name })
    }
    expect(parseStaffArguments(['list'])).toEqual({ kind: 'list' })
    expect(parseStaffArguments(['revoke', 'li.wei'])).toEqual({ kind: 'revoke', name: 'li.wei' })
    expect(parseStaffArguments([])).toEqual({
      kind: 'usage-error',
      problem: 'Give a command: add, list or revoke.',
    })
    expect(parseStaffArguments(['add', '--help'])).toEqual({ kind: 'help' })
  })

  const wrong: [string[], RegExp][] = [
    [['add', 'ada'], /needs --role/],
    [['add', '--role', 'officer'], /needs a NAME/],
    [['add', 'ada', '--role'], /--role needs one of/],
    [['add', 'ada', '--role', 'admin'], /must be one of viewer, officer, supervisor/],
    [['add', 'ada', '--role', 'viewer', '--role', 'officer'], /twice/],
    [['add', 'ada', 'bob', '--role', 'viewer'], /one too many/],
    [['add', '-x', '--role', 'viewer'], /Unknown option -x/],
    [['add', ' ada', '--role', 'viewer'], /NAME must not begin or end with a space/],
    [['add', 'a'.repeat(65), '--role', 'viewer'], /NAME must be/],
    [
      ['add', 'bob ', '--role', 'viewer'],
      /^NAME must not begin or end with a space; got "bob "\.$/,
    ],
    [['add', 'bob\u3000', '--role', 'viewer'], /NAME must not begin or end with a space/],
    [['revoke', 'bob '], /NAME must not begin or end with a space/],
    [
      ['add', 'bob\u0007', '--role', 'viewer'],
      /^NAME must not contain control or invisible characters; got U\+0007 at character 4 of /,
    ],
    [
      ['add', '张\u200b科长', '--role', 'viewer'],
      /^NAME must not contain control or invisible characters; got U\+200B at character 2 of /,
    ],
    [['revoke', 'bob\tsmith'], /got U\+0009 at character 4 of "bob\\tsmith"\.$/],
    // Hangul fillers are letters that draw nothing.
    [['add', 'bob\u3164', '--role', 'viewer'], /invisible characters; got U\+3164 at character 4/],
    [['add', '\u115fbob', '--role', 'viewer'], /invisible characters; got U\+115F at character 1/],
    [
      ['add', 'bob  li', '--role', 'viewer'],
      /^NAME must not hold two spaces in a row; got "bob {2}li"/,
    ],
    [
      ['add', 'B\u043eb', '--role', 'viewer'], // a Cyrillic о between Latin letters
      /^NAME must not mix Latin and Cyrillic letters, which look alike/,
    ],
    [['revoke', '\u0391lex'], /must not mix Latin and Greek letters/], // Greek capital alpha
    // Mathematical bold B and b, which NFKC makes Latin, round a Cyrillic о.
    [['add', '\u{1D401}\u043e\u{1D41B}', '--role', 'viewer'], /mix Latin and Cyrillic letters/],
    [['revoke'], /one NAME/],
    [['list', 'all'], /no arguments/],
    [['remove', 'ada'], /Unknown command remove/],
  ]
  it.each(wrong)('refuses %j', (args, problem) => {
    const parsed = parseStaffArguments(args)
    expect(parsed.kind).toBe('usage-error')
    expect(parsed.kind === 'usage-error' && parsed.problem).toMatch(problem)
  })
})
