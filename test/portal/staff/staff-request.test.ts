import { describe, expect, it } from 'vitest'
import {
  filterControlOf,
  moveControlOf,
  readFilter,
  readMove,
  readToken,
  type FilterDraft,
  type MoveDraft,
} from '../../../portal/src/staff/staff-request.ts'

const filter = (changes: Partial<FilterDraft> = {}): FilterDraft => ({
  district: '',
  category: '',
  status: '',
  priority: '',
  from: '',
  to: '',
  overdue: '',
  ...changes,
})

const move = (changes: Partial<MoveDraft> = {}): MoveDraft => ({
  to: '',
  note: '',
  referredTo: '',
  assignee: '',
  ...changes,
})

describe('staff filter draft', () => {
  it('sends only the filters given, trimmed', () => {
    const read = readFilter(filter({ district: ' 430407 ', status: 'received', overdue: 'true' }))
    expect('query' in read && read.query.toString()).toBe(
      'district=430407&status=received&overdue=true',
    )
    const none = readFilter(filter())
    expect('query' in none && none.query.toString()).toBe('')
  })

  it('finds a district that is not a 6-digit code and days in the wrong order', () => {
    expect(readFilter(filter({ district: '4304', from: '2025-05-02', to: '2025-05-01' }))).toEqual({
      problems: [
        { control: 'district', problem: 'district-shape' },
        { control: 'from', problem: 'dates-reversed' },
      ],
    })
    expect('query' in readFilter(filter({ from: '2025-05-01', to: '2025-05-01' }))).toBe(true)
  })

  it('places an API refusal beside the filter it names, and paging nowhere', () => {
    expect(filterControlOf('priority')).toBe('priority')
    expect(filterControlOf('limit')).toBeUndefined()
    expect(filterControlOf(undefined)).toBeUndefined()
  })
})

describe('staff status draft', () => {
  it('asks for a status first', () => {
    expect(readMove(move({ note: '已核实' }))).toEqual({
      problems: [{ control: 'to', problem: 'to-missing' }],
    })
  })

  it('needs the authority for a referral and the assignee for an assignment', () => {
    expect(readMove(move({ to: 'referred', referredTo: '  ' }))).toEqual({
      problems: [{ control: 'referredTo', problem: 'referred-to-missing' }],
    })
    expect(readMove(move({ to: 'assigned' }))).toEqual({
      problems: [{ control: 'assignee', problem: 'assignee-missing' }],
    })
    expect(readMove(move({ to: 'referred', referredTo: ' 衡阳市水利局 ' }))).toEqual({
      request: { to: 'referred', referredTo: '衡阳市水利局' },
    })
  })

  it('leaves out an empty note and fields that do not go with the status', () => {
    expect(readMove(move({ to: 'accepted', note: ' ', assignee: '执法一队' }))).toEqual({
      request: { to: 'accepted' },
    })
    expect(readMove(move({ to: 'inspected', note: ' 现场有排污口 ' }))).toEqual({
      request: { to: 'inspected', note: '现场有排污口' },
    })
  })

  it('places an API refusal beside the field it names', () => {
    expect(moveControlOf('assignee')).toBe('assignee')
    expect(moveControlOf('code')).toBeUndefined()
  })
})

describe('staff token', () => {
  it('takes a token of the issued shape, trimmed', () => {
    const token = `ezs_${'a1_-'.repeat(10)}xyz`
    expect(token.length).toBe(47)
    expect(readToken(`  ${token}\n`)).toEqual({ token })
  })

  it('says when none was typed or its shape is wrong', () => {
    expect(readToken('  ')).toEqual({ problem: 'token-missing' })
    expect(readToken('ezs_short')).toEqual({ problem: 'token-shape' })
    expect(readToken(`ezt_${'a'.repeat(43)}`)).toEqual({ problem: 'token-shape' })
    expect(readToken(`ezs_${'a'.repeat(42)}!`)).toEqual({ problem: 'token-shape' })
  })
})
