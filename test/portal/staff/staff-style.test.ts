import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import {
  openReportLayer,
  reportsLayer,
  reportsSource,
  staffStyle,
  withStaffToken,
} from '../../../portal/src/staff/staff-style.ts'
import { LAYER_NAMES } from '../../../portal/src/zoning/zoning-terms.ts'

const origin = 'http://127.0.0.1:4321'
const token = `ezs_${'k'.repeat(43)}`

describe('staffStyle', () => {
  it('is a valid style: the public zoning with the reports drawn last', () => {
    const style = staffStyle(origin, '')
    expect(validateStyleMin(style)).toEqual([])
    for (const name of LAYER_NAMES) {
      expect(style.sources[name]).toEqual({ type: 'vector', url: `${origin}/tiles/${name}.json` })
    }
    expect(style.layers.slice(-2).map((layer) => layer.id)).toEqual([reportsLayer, openReportLayer])
    for (const layer of style.layers.slice(-2)) {
      expect(layer).toMatchObject({ source: reportsSource, 'source-layer': 'reports' })
    }
  })

  it('reads the reports from the staff TileJSON with the list query', () => {
    expect(staffStyle(origin, '').sources[reportsSource]).toEqual({
      type: 'vector',
      url: `${origin}/api/staff/tiles/reports.json`,
    })
    expect(staffStyle(origin, 'status=received&overdue=true').sources[reportsSource]).toEqual({
      type: 'vector',
      url: `${origin}/api/staff/tiles/reports.json?status=received&overdue=true`,
    })
  })
})

describe('withStaffToken', () => {
  it('sends the token with the staff API of this origin', () => {
    for (const url of [
      `${origin}/api/staff/tiles/reports.json`,
      `${origin}/api/staff/tiles/reports/10/829/424.mvt?status=received`,
    ]) {
      expect(withStaffToken(url, origin, token)).toEqual({
        url,
        headers: { authorization: `Bearer ${token}` },
      })
    }
  })

  it('sends it nowhere else: public tiles, another origin, a look-alike path, no token', () => {
    for (const url of [
      `${origin}/tiles/control_units/10/829/424.mvt`,
      `${origin}/api/staffing/x`,
      'http://example.org/api/staff/tiles/reports.json',
      `http://127.0.0.1:4322/api/staff/tiles/reports.json`,
      'not a url',
    ]) {
      expect(withStaffToken(url, origin, token)).toEqual({ url })
    }
    const staffUrl = `${origin}/api/staff/tiles/reports.json`
    expect(withStaffToken(staffUrl, origin, undefined)).toEqual({ url: staffUrl })
  })
})
