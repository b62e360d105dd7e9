import { describe, expect, it } from 'vitest'
import { stepOf } from '../../bench/check-profile.ts'

describe('stepOf', () => {
  it('names the caller and the first table read, common table expressions aside', () => {
    const sql = `WITH site AS (SELECT g FROM (SELECT ST_GeomFromGeoJSON($1) AS g) given),
      hit AS MATERIALIZED (SELECT u.code FROM control_units u CROSS JOIN site)
      SELECT * FROM hit`
    expect(stepOf('unitsTouched', sql)).toBe('unitsTouched, control_units')
  })

  it('reads quoted table names and the table an INSERT writes', () => {
    expect(stepOf('distanceWithin', 'SELECT id FROM "rivers", site WHERE geom && site.box')).toBe(
      'distanceWithin, rivers',
    )
    expect(stepOf('saveCheck', 'INSERT INTO admission_checks (id, answer) VALUES ($1, $2)')).toBe(
      'saveCheck, admission_checks',
    )
  })

  it('skips set-returning functions in FROM', () => {
    expect(stepOf('f', 'SELECT * FROM unnest($1::text[]) AS c JOIN industries i ON true')).toBe(
      'f, industries',
    )
  })

  it('names a statement of no table by its first words when the caller has no name', () => {
    expect(stepOf('admission-check.ts:72', 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')).toBe(
      'SET TRANSACTION (admission-check.ts)',
    )
    expect(stepOf('siteMeasure', 'WITH site AS (SELECT 1) SELECT * FROM site')).toBe('siteMeasure')
  })
})
