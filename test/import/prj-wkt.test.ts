import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../../server/import/import-error.ts'
import { crsFromPrj } from '../../server/import/prj-wkt.ts'

// The .prj texts are the ESRI strings ArcGIS writes, the OGC strings of the EPSG registry as
// PostGIS ships them in spatial_ref_sys, and WKT 2 as PROJ writes it (`projinfo EPSG:4547 -o
// WKT2_2019 --single-line`), as GDAL 3 may put it in a .prj.
const PRJ_DIR = path.resolve(import.meta.dirname, '../fixtures/import/prj')
const prj = (name: string) => readFileSync(path.join(PRJ_DIR, name), 'latin1')
const read = (name: string) => crsFromPrj(prj(name), name)

const refusal = (name: string): ImportError => {
  try {
    read(name)
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error(`${name} was accepted`)
}

describe('crsFromPrj', () => {
  it('reads the ESRI zone-38 Gauss-Kruger prj as EPSG:4526', () => {
    const crs = read('cgcs2000-gk-zone-38.esri.prj')
    expect(crs.kind).toBe('gauss-kruger')
    expect(crs.kind === 'gauss-kruger' && crs.system).toMatchObject({
      epsg: 4526,
      centralMeridian: 114,
      falseEasting: 38_500_000,
    })
  })

  it('reads the ESRI and the OGC CM 114E prj as EPSG:4547', () => {
    for (const name of ['cgcs2000-gk-cm-114e.esri.prj', 'cgcs2000-gk-cm-114e.ogc.prj']) {
      const crs = read(name)
      expect(crs.kind === 'gauss-kruger' && crs.system.epsg).toBe(4547)
    }
  })

  it('reads the same systems in WKT 2 as in WKT 1', () => {
    const pairs = [
      ['cgcs2000-gk-cm-114e.wkt2.prj', 'cgcs2000-gk-cm-114e.ogc.prj'],
      ['cgcs2000-gk-zone-38.wkt2.prj', 'cgcs2000-gk-zone-38.esri.prj'],
      ['cgcs2000-geographic.wkt2.prj', 'cgcs2000-geographic.ogc.prj'],
      ['wgs84.wkt2.prj', 'wgs84.esri.prj'],
    ]
    for (const [wkt2, wkt1] of pairs) expect(read(wkt2!), wkt2).toEqual(read(wkt1!))
    const zone38 = read('cgcs2000-gk-zone-38.wkt2.prj')
    expect(zone38.kind === 'gauss-kruger' && zone38.system.epsg).toBe(4526)
  })

  it('refuses Xian 1980 and other units in WKT 2 as in WKT 1', () => {
    expect(refusal('xian-1980-gk-zone-38.wkt2.prj').message).toContain('Xian 1980')
    // The axes' unit, not the ellipsoid's.
    const feet = prj('cgcs2000-gk-cm-114e.wkt2.prj').replace(
      /(ORDER\[\d\]),LENGTHUNIT\["metre",1\]/g,
      '$1,LENGTHUNIT["US survey foot",0.304800609601219]',
    )
    expect(feet).not.toBe(prj('cgcs2000-gk-cm-114e.wkt2.prj'))
    expect(() => crsFromPrj(feet, 'feet.prj')).toThrow(/lengths are not in metres/)
    const scaled = prj('cgcs2000-gk-cm-114e.wkt2.prj').replace(
      'Scale factor at natural origin",1,',
      'Scale factor at natural origin",0.9996,',
    )
    expect(() => crsFromPrj(scaled, 'scaled.prj')).toThrow(/scale factor is not 1/)
  })

  it('tells a 6-degree zone from the 3-degree one on its meridian by the name', () => {
    // EPSG:4508 is the 6-degree CM 111E, EPSG:4546 the 3-degree one: 4502 + 6 and 4534 + 12.
    const esri = prj('cgcs2000-gk-cm-114e.esri.prj').replace('114.0', '111.0')
    const ogc = prj('cgcs2000-gk-cm-114e.ogc.prj').replace(/114/g, '111')
    const cases: [string, number][] = [
      [esri.replace('CGCS2000_3_Degree_GK_CM_114E', 'CGCS2000_GK_CM_111E'), 4508],
      [esri.replace('CGCS2000_3_Degree_GK_CM_114E', 'CGCS2000_3_Degree_GK_CM_111E'), 4546],
      [ogc.replace('3-degree Gauss-Kruger', 'Gauss-Kruger'), 4508],
      [ogc, 4546],
      [esri.replace('CGCS2000_3_Degree_GK_CM_114E', 'parcel'), 4546],
    ]
    for (const [wkt, epsg] of cases) {
      const crs = crsFromPrj(wkt, 'zone.prj')
      expect([wkt.slice(0, 40), crs.kind === 'gauss-kruger' && crs.system.epsg]).toEqual([
        wkt.slice(0, 40),
        epsg,
      ])
    }
  })

  it('reads CGCS2000 longitude/latitude as EPSG:4490 in both dialects', () => {
    for (const name of ['cgcs2000-geographic.esri.prj', 'cgcs2000-geographic.ogc.prj']) {
      expect(read(name)).toMatchObject({ kind: 'lonlat', datum: 'EPSG:4490' })
    }
  })

  it('reads WGS84 longitude/latitude as EPSG:4326', () => {
    expect(read('wgs84.esri.prj')).toMatchObject({ kind: 'lonlat', datum: 'EPSG:4326' })
  })

  it('names an unregistered CGCS2000 Gauss-Kruger projection by its parameters', () => {
    const wkt = prj('cgcs2000-gk-cm-114e.esri.prj').replace('114.0', '112.5')
    const crs = crsFromPrj(wkt, 'local.prj')
    expect(crs.kind === 'gauss-kruger' && crs.system.epsg).toBeUndefined()
    expect(crs.name).toBe('CGCS2000 Gauss-Kruger, central meridian 112.5E, false easting 500000 m')
  })

  it('refuses Xian 1980, naming the system and the remedy', () => {
    const error = refusal('xian-1980-gk-zone-38.ogc.prj')
    expect(error.file).toBe('xian-1980-gk-zone-38.ogc.prj')
    expect(error.message).toContain('"Xian 1980 / 3-degree Gauss-Kruger zone 38"')
    expect(error.message).toContain('neither CGCS2000 nor WGS84')
    expect(error.message).toContain('--crs')
  })

  it('refuses a WGS84 UTM projection', () => {
    expect(refusal('wgs84-utm-49n.ogc.prj').message).toContain('only CGCS2000 projections')
  })

  it('refuses a scale factor other than 1', () => {
    const wkt = prj('cgcs2000-gk-zone-38.esri.prj').replace(
      '"Scale_Factor",1.0',
      '"Scale_Factor",0.9996',
    )
    expect(() => crsFromPrj(wkt, 'x.prj')).toThrow('scale factor is not 1')
  })

  it('refuses text that is not WKT', () => {
    expect(() => crsFromPrj('EPSG:4526', 'x.prj')).toThrow('its text is not WKT')
    expect(() => crsFromPrj('PROJCS["unfinished",GEOGCS[', 'x.prj')).toThrow('not WKT')
  })
})
