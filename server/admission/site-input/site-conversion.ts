import type { Position } from 'geojson'
import { mapPositions, sitePositions, type SiteGeometry } from '../../geo/geojson-geometry.ts'
import { describeValue } from '../../http/describe-value.ts'
import { unprocessable } from '../../http/http-error.ts'
import type { GaussKruger } from '../../import/gauss-kruger.ts'
import { CHINA_BOUNDS } from '../../import/geometry-reproject.ts'
import {
  gaussKrugerCrs,
  lonLatCrs,
  toLonLat,
  type ChosenCrs,
  type SourceCrs,
} from '../../import/source-crs.ts'
import type { RawSite } from './raw-site.ts'
import {
  conversionOf,
  crsCode,
  eastingPrefix,
  isEasting,
  isNorthing,
  likelyGaussKruger,
  sameSystem,
  zoneByNumber,
  zoneName,
  zoneOfSystem,
  zoneSystem,
  zonesOver,
  type SiteConversion,
} from './site-crs.ts'

/** The longitudes the zoning covers, asked for only to suggest a zone in an error. */
export type CoveredLongitudes = () => Promise<{ west: number; east: number } | undefined>

/** A site in WGS84 longitude/latitude and the system it was taken from. */
export interface ConvertedSite {
  geometry: SiteGeometry
  crs: { code: string; name: string; from: string }
  conversion: SiteConversion
}

const DEFAULT_CRS: ChosenCrs = {
  crs: lonLatCrs('EPSG:4326'),
  from: 'the default for longitude/latitude',
}

/**
 * Takes a site from the system it is in to WGS84 longitude/latitude, 2D. The system is the one
 * `given` as crs, else the one the source names, else WGS84 for formats that hold degrees;
 * survey lists have no default. Nothing is guessed: a Gauss-Krüger zone comes from the crs, the
 * source or the zone number in front of the eastings, and all that are present must agree.
 * Throws a 422: CRS_CONFLICT when crs and source or coordinates disagree, CRS_REQUIRED for
 * metres without a system (naming the likely codes), ZONE_REQUIRED for eastings whose zone
 * nothing names, ZONE_CONFLICT when zone numbers disagree, COORDINATES_SWAPPED for latitude
 * before longitude or northing before easting, GEOMETRY_INVALID for positions that are none.
 */
export async function convertSite(
  raw: RawSite,
  given: ChosenCrs | undefined,
  covered: CoveredLongitudes,
): Promise<ConvertedSite> {
  const positions = sitePositions(raw.geometry)
  const bad = positions.find((p) => !p.slice(0, 2).every((n) => Number.isFinite(n)))
  if (bad) {
    // Described one by one: JSON would show an overflowing 1e999 (Infinity) as null.
    const shown = `[${bad
      .slice(0, 3)
      .map((value) => describeValue(value, 20))
      .join(', ')}]`
    const message = `${raw.field} holds the position ${shown}, not finite numbers.`
    throw unprocessable('GEOMETRY_INVALID', message, raw.field)
  }

  const chosen = chooseCrs(raw, given)
  if (chosen === undefined || chosen.crs.kind === 'gauss-kruger') {
    return fromGaussKruger(raw, positions, chosen, given !== undefined, covered)
  }
  await checkDegrees(raw, positions, chosen, given !== undefined, covered)
  const convert = toLonLat(chosen.crs)
  return {
    geometry: mapPositions(raw.geometry, convert),
    crs: { code: crsCode(chosen.crs), name: chosen.crs.name, from: chosen.from },
    conversion: conversionOf(chosen.crs),
  }
}

function chooseCrs(raw: RawSite, given: ChosenCrs | undefined): ChosenCrs | undefined {
  const { declared } = raw
  if (given && declared && !sameSystem(given.crs, declared.crs)) {
    const code =
      given.crs.kind === 'gauss-kruger' && declared.crs.kind === 'gauss-kruger'
        ? 'ZONE_CONFLICT'
        : 'CRS_CONFLICT'
    throw unprocessable(
      code,
      `crs says ${given.crs.name}, but ${raw.field} is in ${declared.crs.name}, ` +
        `${declared.from}. Give the system the coordinates are in, or leave crs out.`,
      'crs',
    )
  }
  if (given && raw.systems === 'lonlat' && given.crs.kind !== 'lonlat') {
    throw unprocessable(
      'CRS_CONFLICT',
      `crs says ${given.crs.name}, but ${raw.format.toUpperCase()} coordinates are longitude, ` +
        'latitude by its standard; give EPSG:4326, EPSG:4490, gcj02 or bd09.',
      'crs',
    )
  }
  if (given && raw.systems === 'projected' && given.crs.kind !== 'gauss-kruger') {
    throw unprocessable(
      'CRS_CONFLICT',
      `crs says ${given.crs.name}, but boundary points are Gauss-Kruger metres; give their ` +
        'zone, such as EPSG:4526 or EPSG:4547, or send degrees as geometry, wkt or kml.',
      'crs',
    )
  }
  return given ?? declared ?? (raw.systems === 'projected' ? undefined : DEFAULT_CRS)
}

/**
 * Checks positions meant as longitude/latitude: metres get CRS_REQUIRED (or CRS_CONFLICT when a
 * degree system was named or the format allows only degrees), latitude first gets
 * COORDINATES_SWAPPED, anything else out of range GEOMETRY_INVALID. A site whose every position
 * lies outside China but inside it once swapped is swapped too.
 */
async function checkDegrees(
  raw: RawSite,
  positions: Position[],
  chosen: ChosenCrs,
  named: boolean,
  covered: CoveredLongitudes,
) {
  const inChina = (x: number, y: number) =>
    x >= CHINA_BOUNDS.west &&
    x <= CHINA_BOUNDS.east &&
    y >= CHINA_BOUNDS.south &&
    y <= CHINA_BOUNDS.north

  for (const [x, y] of positions as [number, number][]) {
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) continue
    const shown = `(${round(x, 3)}, ${round(y, 3)})`

    const area = await covered()
    const likely = likelyGaussKruger(x, y, area)
    const surveyOrder = likely ? undefined : likelyGaussKruger(y, x, area)
    if (likely || surveyOrder) {
      const guess = (likely ?? surveyOrder)!
      const order = surveyOrder ? ' with the northing first (give the easting first)' : ''
      const codes = guess.codes.length > 0 ? `: ${guess.codes.join(' or ')}` : ''
      const metres = `${shown}, which are Gauss-Kruger metres${order}, not longitude/latitude`
      if (raw.systems === 'lonlat') {
        // Naming a crs cannot help: the format allows no other system.
        const format = raw.format.toUpperCase()
        throw unprocessable(
          'CRS_CONFLICT',
          `${raw.field} holds ${metres}, but ${format} coordinates are longitude, latitude by ` +
            `its standard; ${guess.why}. Export the ${format} in WGS84 again, or send the ` +
            `same coordinates as wkt with crs${codes}.`,
          raw.field,
        )
      }
      const detail = `${metres}; ${guess.why}. Name the system with crs${codes}.`
      if (named) {
        throw unprocessable(
          'CRS_CONFLICT',
          `crs says ${chosen.crs.name}, but ${raw.field} holds ${detail}`,
          'crs',
        )
      }
      throw unprocessable('CRS_REQUIRED', `${raw.field} holds ${detail}`, 'crs')
    }
    if (Math.abs(x) <= 90 && Math.abs(y) <= 180) {
      throw swapped(raw, `${shown} has a latitude of ${round(y, 3)}`, `[${y}, ${x}]`)
    }
    throw unprocessable(
      'GEOMETRY_INVALID',
      `${raw.field} holds ${shown}, which is not a longitude/latitude pair (longitude −180 to ` +
        '180, latitude −90 to 90, longitude first).',
      raw.field,
    )
  }

  const outside = positions.every(([x, y]) => !inChina(x!, y!))
  if (outside && positions.every(([x, y]) => inChina(y!, x!))) {
    const [x, y] = positions[0] as [number, number]
    throw swapped(raw, `(${x}, ${y}) lies outside China`, `[${y}, ${x}]`)
  }
}

function swapped(raw: RawSite, what: string, instead: string) {
  return unprocessable(
    'COORDINATES_SWAPPED',
    `${raw.field}: ${what}; latitude and longitude look swapped, as ${instead} lies in China. ` +
      'Give longitude first.',
    raw.field,
  )
}

async function fromGaussKruger(
  raw: RawSite,
  positions: Position[],
  chosen: ChosenCrs | undefined,
  named: boolean,
  covered: CoveredLongitudes,
): Promise<ConvertedSite> {
  if (positions.every(([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90)) {
    const metres = chosen
      ? `${chosen.crs.name} (${chosen.from}) is in metres`
      : 'boundary points are metres'
    throw unprocessable(
      'CRS_CONFLICT',
      `${raw.field} holds degrees such as (${positions[0]![0]}, ${positions[0]![1]}), but ` +
        `${metres}. Send degrees as geometry, wkt or kml, with a degree crs.`,
      named ? 'crs' : raw.field,
    )
  }
  checkMetres(raw, positions)

  const prefixes = new Set(positions.map(([x]) => eastingPrefix(x!)!))
  if (prefixes.size > 1) {
    const numbers = [...prefixes].map((p) => (p === 0 ? 'none' : String(p))).join(' and ')
    throw unprocessable(
      'ZONE_CONFLICT',
      `The eastings of ${raw.field} carry different zone numbers in front (${numbers}); a ` +
        'site is read in one zone.',
      raw.field,
    )
  }
  const prefix = [...prefixes][0]!
  const system = await zoneSystemOf(raw, chosen, prefix, named, covered)
  const crs = gaussKrugerCrs(system.system)

  const convert = toLonLat(crs)
  const geometry = mapPositions(raw.geometry, convert)
  const outside = sitePositions(geometry).find(
    ([lon, lat]) =>
      !(lon! >= CHINA_BOUNDS.west && lon! <= CHINA_BOUNDS.east) ||
      !(lat! >= CHINA_BOUNDS.south && lat! <= CHINA_BOUNDS.north),
  )
  if (outside) {
    const [lon, lat] = outside as [number, number]
    const where =
      Number.isFinite(lon) && Number.isFinite(lat)
        ? `falls at ${round(Math.abs(lon), 4)}°${lon < 0 ? 'W' : 'E'}, ` +
          `${round(Math.abs(lat), 4)}°${lat < 0 ? 'S' : 'N'}, outside China`
        : 'falls nowhere on the earth'
    throw unprocessable(
      'GEOMETRY_INVALID',
      `${raw.field} read in ${crs.name} ${where}: check the zone and the coordinates.`,
      raw.field,
    )
  }
  return {
    geometry,
    crs: { code: crsCode(crs), name: crs.name, from: system.from },
    conversion: conversionOf(crs),
  }
}

/** Every position must be [easting, northing] of China; northing first is reported as such. */
function checkMetres(raw: RawSite, positions: Position[]) {
  for (const [x, y] of positions as [number, number][]) {
    if (isEasting(x) && isNorthing(y)) continue
    const shown = `(${round(x, 3)}, ${round(y, 3)})`
    if (isNorthing(x) && isEasting(y)) {
      const how =
        raw.format === 'boundary-points'
          ? `the point at X ${round(y, 3)}, Y ${round(x, 3)} has an easting for X and a ` +
            'northing for Y; survey lists give X as the northing and Y as the easting'
          : `${shown} looks like [northing, easting]; give the easting first`
      throw unprocessable(
        'COORDINATES_SWAPPED',
        `${raw.field}: ${how}. The coordinates look swapped.`,
        raw.field,
      )
    }
    throw unprocessable(
      'GEOMETRY_INVALID',
      `${raw.field} holds the easting, northing ${shown}, which is no Gauss-Kruger position ` +
        'in China (eastings below 1,000 km, or with a zone number 13–45 in front; northings ' +
        '300 to 6,000 km).',
      raw.field,
    )
  }
}

/**
 * The system to read the eastings in: the named zone, written with or without its number in
 * front as the eastings are, else the zone the eastings carry. ZONE_CONFLICT when both are
 * there and differ, ZONE_REQUIRED when neither is.
 */
async function zoneSystemOf(
  raw: RawSite,
  chosen: ChosenCrs | undefined,
  prefix: number,
  named: boolean,
  covered: CoveredLongitudes,
): Promise<{ system: GaussKruger; from: string }> {
  const carried = prefix > 0 ? zoneByNumber(prefix)! : undefined
  const form = carried
    ? `the eastings carry the zone number ${prefix} in front`
    : 'the eastings carry no zone number'

  if (!chosen) {
    if (carried) {
      return {
        system: zoneSystem(carried, true),
        from: `the zone number ${prefix} in front of the eastings: ${zoneName(carried)}`,
      }
    }
    const easting = round(sitePositions(raw.geometry)[0]![0]!, 3)
    const area = await covered()
    const zones = area ? zonesOver(area.west, area.east) : []
    const codes = zones.map((zone) => `EPSG:${zoneSystem(zone, false).epsg}`)
    const choice =
      zones.length > 0
        ? `The zoning lies in ${zones.map(zoneName).join(' and ')}: give the zone as crs, ` +
          `${codes.join(' or ')}.`
        : 'Give the zone as crs, EPSG:4534–4554 by central meridian.'
    throw unprocessable(
      'ZONE_REQUIRED',
      `Nothing names the Gauss-Krüger zone of the site in ${raw.field}: there is no crs, ` +
        `no 带号 in an attribute block, and the eastings (such as ${easting}) carry no zone ` +
        `number in front, so the zone cannot be told from them. ${choice}`,
      'crs',
    )
  }

  const system = (chosen.crs as Extract<SourceCrs, { kind: 'gauss-kruger' }>).system
  const zone = zoneOfSystem(system)
  if (!zone) {
    // An unregistered system from a .prj is read as it is defined.
    const expected = system.falseEasting >= 1_000_000 ? Math.floor(system.falseEasting / 1e6) : 0
    if (expected !== prefix) {
      throw zoneConflict(raw, chosen, form, named)
    }
    return { system, from: chosen.from }
  }
  if (carried && carried.centralMeridian !== zone.centralMeridian) {
    throw zoneConflict(raw, chosen, `${form}, ${zoneName(carried)}`, named)
  }
  const read = carried ? zoneSystem(carried, true) : zoneSystem(zone, false)
  // A 6-degree zone shares its central meridian with a 3-degree one (EPSG:4508 and 4546 both
  // at 111°E): the same projection, so the code the client named stays the one answered.
  if (read.centralMeridian === system.centralMeridian && read.falseEasting === system.falseEasting)
    return { system, from: chosen.from }
  return { system: read, from: `${chosen.from}; ${form}, so they are read as such` }
}

function zoneConflict(raw: RawSite, chosen: ChosenCrs, form: string, named: boolean) {
  return unprocessable(
    'ZONE_CONFLICT',
    `${raw.field} is in ${chosen.crs.name}, ${chosen.from}, but ${form}. The zone must be ` +
      'the same everywhere: check the crs, the attribute block and the eastings.',
    named ? 'crs' : raw.field,
  )
}

const round = (n: number, digits: number) => Number(n.toFixed(digits))
