import { describe, expect, it } from 'vitest'
import { reportPriority, type ZoneAt } from '../../server/reports/report-priority.ts'

const zone = (layer: string, properties: Record<string, unknown>): ZoneAt => ({
  layer,
  id: 1,
  properties,
})

describe('reportPriority', () => {
  const cases: [string, Parameters<typeof reportPriority>, string][] = [
    [
      'a level-1 source zone',
      ['water', 'general', [zone('water_source_zones', { level: 'level1' })], 1],
      'urgent',
    ],
    [
      'a reserve core',
      ['air', 'general', [zone('nature_reserve_zones', { zone: 'core' })], 1],
      'urgent',
    ],
    [
      'a level-2 source zone',
      ['water', 'general', [zone('water_source_zones', { level: 'level2' })], 1],
      'high',
    ],
    [
      'a quasi source zone',
      ['water', 'general', [zone('water_source_zones', { level: 'quasi' })], 1],
      'high',
    ],
    [
      'a reserve buffer',
      ['noise', 'general', [zone('nature_reserve_zones', { zone: 'buffer' })], 1],
      'high',
    ],
    [
      'a reserve experimental zone',
      ['noise', 'general', [zone('nature_reserve_zones', { zone: 'experimental' })], 1],
      'normal',
    ],
    ['the red line', ['soil', 'key', [zone('ecological_red_line', {})], 1], 'high'],
    ['a priority unit', ['soil', 'priority', [], 1], 'high'],
    [
      'livestock in a no-raising zone',
      ['livestock', 'general', [zone('no_raising_zones', { kind: 'no_raising' })], 1],
      'high',
    ],
    [
      'noise in a no-raising zone',
      ['noise', 'general', [zone('no_raising_zones', { kind: 'no_raising' })], 1],
      'normal',
    ],
    [
      'livestock in a restricted zone',
      ['livestock', 'general', [zone('no_raising_zones', { kind: 'restricted' })], 1],
      'normal',
    ],
    ['a park', ['air', 'key', [zone('industrial_parks', {})], 1], 'normal'],
    ['a key unit alone', ['air', 'key', [], 1], 'normal'],
    ['two reports together', ['air', 'key', [], 2], 'normal'],
    ['a cluster of three', ['air', 'key', [], 3], 'high'],
    ['a cluster in a priority unit', ['air', 'priority', [], 5], 'urgent'],
    [
      'a cluster in a level-1 zone',
      ['water', 'priority', [zone('water_source_zones', { level: 'level1' })], 4],
      'urgent',
    ],
  ]
  it.each(cases)('in %s is %s', (_, args, expected) => {
    expect(reportPriority(...args).priority).toBe(expected)
  })

  it('says what set the priority', () => {
    const { reasons } = reportPriority(
      'water',
      'priority',
      [zone('water_source_zones', { level: 'level1' })],
      3,
    )
    expect(reasons.map((r) => r.kind)).toEqual(['zone', 'unit', 'cluster'])
    expect(reasons[2]).toMatchObject({ reports: 3, radius_m: 500, days: 7, raises_to: 'urgent' })
  })
})
