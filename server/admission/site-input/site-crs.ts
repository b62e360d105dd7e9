import { gaussKruger, gaussKrugerByEpsg, type GaussKruger } from '../../import/gauss-kruger.ts'
import {
  parseGeoJsonCrsName,
  parseSourceCrs,
  type ChosenCrs,
  type SourceCrs,
} from '../../import/source-crs.ts'
import type { LonLatCrs } from '../../geo/datum.ts'
import { describeValue } from '../../http/describe-value.ts'
import { unprocessable } from '../../http/http-error.ts'

export const SITE_CRS_CHOICES =
  'EPSG:4326 (WGS84, the default), EPSG:4490 (CGCS2000), gcj02 or bd09 (web-map offsets), ' +
  'or a CGCS2000 Gauss-Kruger code: EPSG:4513–4533 (3-degree zones 25–45, zone number in ' +
  'front of the easting), EPSG:4534–4554 (the same zones without it) or EPSG:4491–4512 ' +
  '(6-degree zones)'

/**
 * Reads the `crs` field: the names the lookup takes (EPSG:4326, EPSG:4490, gcj02, bd09), a
 * CGCS2000 Gauss-Krüger code EPSG:4491–4554, also as a bare number (text, or a JSON number as
 * `"crs": 4526`) or an OGC URN. Undefined when the field is absent or empty; a 422
 * CRS_UNSUPPORTED listing the choices otherwise.
 */
export function parseSiteCrs(value: unknown, field = 'crs'): ChosenCrs | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const text =
    typeof value === 'string' ? value.trim() : Number.isInteger(value) ? String(value) : ''
  const crs =
    parseSourceCrs(text) ??
    parseGeoJsonCrsName(text) ??
    (/^\d{4}$/.test(text) ? parseSourceCrs(`EPSG:${text}`) : undefined)
  if (!crs) {
    const message = `crs must be ${SITE_CRS_CHOICES}; got ${describeValue(value)}.`
    throw unprocessable('CRS_UNSUPPORTED', message, field)
  }
  return { crs, from: 'given as crs' }
}

/** The short code of a system as the answer names it: EPSG:4526, gcj02. */
export function crsCode(crs: SourceCrs): string {
  if (crs.kind === 'lonlat') return crs.datum
  return crs.system.epsg ? `EPSG:${crs.system.epsg}` : crs.name
}

/** Whether two systems put the same coordinates at the same place, as sites are converted. */
export function sameSystem(a: SourceCrs, b: SourceCrs): boolean {
  if (a.kind === 'lonlat' && b.kind === 'lonlat') {
    // CGCS2000 is taken as WGS84 throughout.
    const datum = (crs: LonLatCrs) => (crs === 'EPSG:4490' ? 'EPSG:4326' : crs)
    return datum(a.datum) === datum(b.datum)
  }
  if (a.kind === 'gauss-kruger' && b.kind === 'gauss-kruger') {
    const zoneA = zoneOfSystem(a.system)
    const zoneB = zoneOfSystem(b.system)
    // Eastings are read with or without the zone number in front, so a zone's codes agree.
    if (zoneA && zoneB) return zoneA.centralMeridian === zoneB.centralMeridian
    return (
      a.system.centralMeridian === b.system.centralMeridian &&
      a.system.falseEasting === b.system.falseEasting
    )
  }
  return false
}

/**
 * A Gauss-Krüger zone as documents name it. The central meridian alone fixes the projection; the
 * width and number are how the zone is written, and the number is what eastings carry in front.
 */
export interface Zone {
  width: 3 | 6
  number: number
  /** Degrees east. */
  centralMeridian: number
}

/**
 * The zone whose number an easting carries in front: 3-degree zones 25–45 and 6-degree zones
 * 13–23 are those over China, so the number alone tells the width. Undefined for other numbers.
 */
export function zoneByNumber(number: number): Zone | undefined {
  if (!Number.isInteger(number)) return undefined
  if (number >= 25 && number <= 45) return { width: 3, number, centralMeridian: 3 * number }
  if (number >= 13 && number <= 23) return { width: 6, number, centralMeridian: 6 * number - 3 }
  return undefined
}

/** The zone of a registered CGCS2000 Gauss-Krüger system; undefined for any other. */
export function zoneOfSystem(system: GaussKruger): Zone | undefined {
  const code = system.epsg
  if (code === undefined || !gaussKrugerByEpsg(code)) return undefined
  const cm = system.centralMeridian
  if (code <= 4512) return { width: 6, number: (cm + 3) / 6, centralMeridian: cm }
  return { width: 3, number: cm / 3, centralMeridian: cm }
}

/** The registered system of `zone` for eastings with or without its number in front. */
export function zoneSystem(zone: Zone, prefixed: boolean): GaussKruger {
  const falseEasting = prefixed ? zone.number * 1_000_000 + 500_000 : 500_000
  return gaussKruger(zone.centralMeridian, falseEasting)
}

/** "3-degree zone 38 (central meridian 114°E)". */
export function zoneName(zone: Zone): string {
  return `${zone.width}-degree zone ${zone.number} (central meridian ${zone.centralMeridian}°E)`
}

/** How a site was taken to WGS84, and how far that may move it at most. */
export interface SiteConversion {
  from: string
  to: 'EPSG:4326'
  method: string
  /** Metres: the most the conversion itself may displace a position. */
  errorBoundM: number
}

/** The conversion from `crs` to WGS84 longitude/latitude, as the answer states it. */
export function conversionOf(crs: SourceCrs): SiteConversion {
  const from = crsCode(crs)
  const as = (method: string, errorBoundM: number): SiteConversion => ({
    from,
    to: 'EPSG:4326',
    method,
    errorBoundM,
  })
  if (crs.kind === 'gauss-kruger') {
    return as(
      `inverse Gauss-Kruger projection (transverse Mercator on GRS80, central meridian ` +
        `${crs.system.centralMeridian}°E) by proj4, CGCS2000 taken as WGS84`,
      1,
    )
  }
  switch (crs.datum) {
    case 'EPSG:4326':
      return as('none: the coordinates are WGS84 longitude/latitude', 0)
    case 'EPSG:4490':
      return as('none: CGCS2000 taken as WGS84, which it matches within a metre', 1)
    case 'gcj02':
      return as('GCJ-02 offset removed by gcoord, inverting it iteratively to 1e-6°', 1)
    case 'bd09':
      return as('BD-09 and GCJ-02 offsets removed by gcoord, inverting them iteratively', 1)
  }
}

// Northings in China, in metres from the equator: about 3°N to 54°N.
const MIN_NORTHING = 300_000
const MAX_NORTHING = 6_000_000

export const isNorthing = (y: number) => y >= MIN_NORTHING && y <= MAX_NORTHING

/** The zone named in front of an easting, 0 when it carries none, undefined when malformed. */
export function eastingPrefix(x: number): number | undefined {
  if (x > 0 && x < 1_000_000) return 0
  const number = Math.floor(x / 1_000_000)
  return zoneByNumber(number) ? number : undefined
}

/** Whether `x` is a Gauss-Krüger easting of China, with or without the zone number in front. */
export const isEasting = (x: number) => eastingPrefix(x) !== undefined

/**
 * The Gauss-Krüger codes that raw [easting, northing] metres could be in, with why: the zone an
 * easting names in front, else the zones over the covered longitudes `covered` (the zone cannot
 * be told from such eastings). Undefined when the pair is no Gauss-Krüger position of China.
 */
export function likelyGaussKruger(
  x: number,
  y: number,
  covered: { west: number; east: number } | undefined,
): { codes: string[]; why: string } | undefined {
  const prefix = eastingPrefix(x)
  if (prefix === undefined || !isNorthing(y)) return undefined
  if (prefix > 0) {
    const zone = zoneByNumber(prefix)!
    const code = `EPSG:${zoneSystem(zone, true).epsg}`
    return { codes: [code], why: `the eastings start with ${prefix}, ${zoneName(zone)}` }
  }

  const zones = covered ? zonesOver(covered.west, covered.east) : []
  const codes = zones.map((zone) => `EPSG:${zoneSystem(zone, false).epsg}`)
  const over =
    zones.length > 0
      ? `; the zoning lies in ${zones.map(zoneName).join(' and ')}`
      : '; give EPSG:4534–4554 by central meridian'
  return {
    codes,
    why: `the eastings carry no zone number in front, so the zone cannot be told from them${over}`,
  }
}

/** The 3-degree zones whose band (central meridian ± 1.5°) meets the longitudes west–east. */
export function zonesOver(west: number, east: number): Zone[] {
  const zones: Zone[] = []
  for (let number = 25; number <= 45; number++) {
    const zone = zoneByNumber(number)!
    if (zone.centralMeridian + 1.5 > west && zone.centralMeridian - 1.5 < east) zones.push(zone)
  }
  return zones
}
