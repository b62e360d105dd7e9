import type { Position } from 'geojson'
import type { SiteGeometry } from '../../geo/geojson-geometry.ts'
import { unprocessable } from '../../http/http-error.ts'
import { gaussKrugerCrs, type ChosenCrs } from '../../import/source-crs.ts'
import { closeRings, type RawSite } from './raw-site.ts'
import { zoneByNumber, zoneName, zoneSystem } from './site-crs.ts'

/** One boundary point as listed: X is the northing and Y the easting, in metres. */
interface ListedPoint {
  name: string
  ring: number
  x: number
  y: number
  line: number
}

interface Parcel {
  /** The parcel's header line in the exchange file; undefined in a plain list. */
  line: number | undefined
  shape: 'polygon' | 'line' | 'points'
  points: ListedPoint[]
}

const SECTION = /^[[【]\s*(属性描述|地块坐标)\s*[\]】]$/
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/
const SEPARATORS = /\s*[,，;；\t]\s*|\s+/

/**
 * Reads a site from boundary points (界址点) as land surveys exchange them, in either form:
 *
 * - the land-administration exchange file: an attribute block `[属性描述]` of `key=value`
 *   lines (坐标系, 几度分带, 投影类型, 计量单位, 带号, …), then `[地块坐标]` with, per parcel,
 *   a header line ending in `@` (its fifth field says 面 or 线) and one line per
 *   point: number, ring number (1 the outer ring, 2… inner rings), X, Y;
 * - a plain list of `name, X, Y` lines (or `X, Y`, or `name, ring, X, Y`), commas, tabs or
 *   spaces between, an optional first line of column names.
 *
 * X is the northing and Y the easting, in metres, the easting with or without the zone number
 * in front. Positions come out as [easting, northing]. The zone comes from the attribute block
 * when it names one (`declared`); the conversion checks it against the eastings and the crs.
 * Rings left open are closed and reported. Throws a 422 BOUNDARY_POINTS_INVALID naming the line.
 */
export function readBoundaryPoints(text: string, field: string): RawSite {
  const fail = (message: string, line?: number): never => {
    const where = line === undefined ? '' : ` (line ${line})`
    throw unprocessable(
      'BOUNDARY_POINTS_INVALID',
      `${field} cannot be read as boundary points${where}: ${message}.`,
      field,
    )
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const exchange = lines.some((line) => SECTION.test(line.trim()))

  const attributes = new Map<string, { value: string; line: number }>()
  const parcels: Parcel[] = []
  let section: string | undefined = exchange ? undefined : '地块坐标'
  let header = !exchange

  lines.forEach((raw, i) => {
    const line = i + 1
    const text = raw.trim()
    if (text === '' || text.startsWith('#')) return
    const sectionName = SECTION.exec(text)?.[1]
    if (sectionName) {
      section = sectionName
      return
    }

    if (section === undefined) return fail(`"${text.slice(0, 30)}" comes before [属性描述]`, line)
    if (section === '属性描述') {
      const [key, ...value] = text.split(/[=＝]/)
      if (value.length === 0) return fail(`expected key=value, got "${text.slice(0, 30)}"`, line)
      attributes.set(key!.trim(), { value: value.join('=').trim(), line })
      return
    }

    if (text.endsWith('@')) {
      parcels.push({ line, shape: parcelShape(text), points: [] })
      return
    }
    const fields = text.split(SEPARATORS).filter((f) => f !== '')
    // A plain list may start with a line of column names: 点号 X Y.
    if (header && !/\d/.test(text)) {
      header = false
      return
    }
    header = false
    const point = readPoint(fields, line, fail)
    if (exchange && parcels.length === 0) fail('a point comes before any parcel header (…,@)', line)
    if (parcels.length === 0) parcels.push({ line: undefined, shape: 'polygon', points: [] })
    parcels[parcels.length - 1]!.points.push(point)
  })

  const notes = exchange ? datumNotes(attributes, fail) : [NO_DATUM]
  const declared = exchange ? zoneFromAttributes(attributes, fail) : undefined
  if (exchange && !lines.some((line) => SECTION.exec(line.trim())?.[1] === '地块坐标')) {
    fail('the file has no [地块坐标] section')
  }
  if (parcels.every((p) => p.points.length === 0)) fail('it lists no points')
  const geometry = siteOf(parcels, exchange, fail)
  const repairs = closeRings(geometry, (message) => fail(message))
  return {
    format: 'boundary-points',
    field,
    geometry,
    declared,
    systems: 'projected',
    repairs,
    notes,
  }
}

const NO_DATUM =
  'The boundary points do not name their datum: they are taken as CGCS2000. Xian 1980 or ' +
  'Beijing 1954 coordinates would lie tens of metres off.'

function readPoint(
  fields: string[],
  line: number,
  fail: (message: string, line?: number) => never,
): ListedPoint {
  const numbers = (values: string[]) => values.every((v) => NUMBER.test(v))
  let name: string
  let ring = 1
  let coordinates: string[]
  if (fields.length === 2 && numbers(fields)) {
    name = `line ${line}`
    coordinates = fields
  } else if (fields.length === 3 && numbers(fields.slice(1))) {
    name = fields[0]!
    coordinates = fields.slice(1)
  } else if (fields.length === 4 && numbers(fields.slice(1)) && /^\d+$/.test(fields[1]!)) {
    name = fields[0]!
    ring = Number(fields[1])
    coordinates = fields.slice(2)
  } else {
    return fail(
      `expected "point, X, Y" or "point, ring, X, Y" with X and Y in metres, ` +
        `got "${fields.join(',').slice(0, 60)}"`,
      line,
    )
  }
  return { name, ring, x: Number(coordinates[0]), y: Number(coordinates[1]), line }
}

/** What a parcel header's fifth field records: 面 (area, also when left empty), 线 or 点. */
function parcelShape(header: string): Parcel['shape'] {
  const shape = header.split(/[,，]/)[4]?.trim()
  return shape === '线' ? 'line' : shape === '点' ? 'points' : 'polygon'
}

function siteOf(
  parcels: Parcel[],
  exchange: boolean,
  fail: (message: string, line?: number) => never,
): SiteGeometry {
  const listed = parcels.filter((p) => p.points.length > 0)
  const points = listed.find((p) => p.shape === 'points')
  if (points)
    fail('the parcel records points (点), which make no site; give its outline', points.line)
  if (listed.some((p) => p.shape === 'line')) {
    if (listed.length > 1) fail('a site is one line, or polygons, not several parcels with lines')
    const points = listed[0]!.points
    if (points.length < 2) fail('the line has fewer than 2 points', listed[0]!.line)
    return { type: 'LineString', coordinates: points.map(position) }
  }

  const polygons = listed.map((parcel) => {
    const rings = new Map<number, ListedPoint[]>()
    for (const point of parcel.points) {
      if (!rings.has(point.ring)) rings.set(point.ring, [])
      rings.get(point.ring)!.push(point)
    }
    if (!rings.has(1)) fail('a parcel has no ring 1, its outer ring', parcel.line)
    const order = [1, ...[...rings.keys()].filter((r) => r !== 1)]
    return order.map((number) => ringOf(rings.get(number)!, exchange, fail))
  })
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons }
}

/** A ring's positions; its first point may come again only at the end, closing it. */
function ringOf(
  points: ListedPoint[],
  exchange: boolean,
  fail: (message: string, line?: number) => never,
): Position[] {
  const [first] = points
  points.forEach((point, i) => {
    if (i === 0) return
    const same = point.x === first!.x && point.y === first!.y
    if (same && i < points.length - 1) {
      const how = exchange
        ? 'each ring of a parcel needs its own ring number'
        : 'a plain list holds one ring; give several rings as an exchange file with ring numbers'
      fail(`the ring closes at point ${point.name} and goes on; ${how}`, point.line)
    }
    if (!same && point.name === first!.name && i === points.length - 1) {
      fail(`point ${point.name} repeats the first point's name with other coordinates`, point.line)
    }
  })
  return points.map(position)
}

const position = (point: ListedPoint): Position => [point.y, point.x]

/** The zone the attribute block names (带号, with 几度分带 when given), or undefined. */
function zoneFromAttributes(
  attributes: Map<string, { value: string; line: number }>,
  fail: (message: string, line?: number) => never,
): ChosenCrs | undefined {
  const zoneText = attributes.get('带号')
  if (!zoneText || zoneText.value === '') return undefined
  const width = attributes.get('几度分带')
  const number = Number(zoneText.value)
  const zone = zoneByNumber(number)
  if (!zone) {
    fail(
      `带号=${zoneText.value.slice(0, 10)} is no Gauss-Kruger zone over China (3-degree zones ` +
        '25–45, 6-degree zones 13–23)',
      zoneText.line,
    )
  }
  if (width && width.value !== '' && Number(width.value) !== zone!.width) {
    fail(
      `几度分带=${width.value.slice(0, 10)} and 带号=${number} disagree: zone ${number} over ` +
        `China is a ${zone!.width}-degree zone`,
      width.line,
    )
  }
  const system = zoneSystem(zone!, false)
  const named = `带号=${number}${width?.value ? `, 几度分带=${width.value}` : ''}`
  return {
    crs: gaussKrugerCrs(system),
    from: `named by the attribute block (${named}): ${zoneName(zone!)}`,
  }
}

/**
 * Checks 坐标系, 投影类型 and 计量单位 of the attribute block: CGCS2000 Gauss-Krüger in metres
 * is converted; Xian 1980 and Beijing 1954 need a datum shift this service does not make.
 * Returns notes for the answer when the block leaves the datum unsaid.
 */
function datumNotes(
  attributes: Map<string, { value: string; line: number }>,
  fail: (message: string, line?: number) => never,
): string[] {
  const unsupported = (key: string, why: string): never => {
    const { value, line } = attributes.get(key)!
    throw unprocessable(
      'CRS_UNSUPPORTED',
      `The boundary points' ${key}=${value.slice(0, 30)} (line ${line}): ${why}.`,
      'boundaryPoints',
    )
  }
  const value = (key: string) => attributes.get(key)?.value ?? ''

  const datum = value('坐标系')
  if (/西安|xian|1980|80/i.test(datum) && !/2000/.test(datum)) {
    unsupported(
      '坐标系',
      'Xian 1980 coordinates need a datum transformation to CGCS2000, which ' +
        'this service does not make; convert them first',
    )
  }
  if (/北京|beijing|1954|54/i.test(datum) && !/2000/.test(datum)) {
    unsupported(
      '坐标系',
      'Beijing 1954 coordinates need a datum transformation to CGCS2000, ' +
        'which this service does not make; convert them first',
    )
  }
  const projection = value('投影类型')
  if (projection && !/高斯|gauss|横轴墨卡托|transverse/i.test(projection)) {
    unsupported('投影类型', 'only Gauss-Kruger (transverse Mercator) coordinates are converted')
  }
  const unit = value('计量单位')
  if (unit && !/^(米|m|metres?|meters?)$/i.test(unit)) {
    unsupported('计量单位', 'coordinates must be in metres')
  }
  if (datum === '') return [NO_DATUM]
  if (!/2000|cgcs|wgs/i.test(datum)) {
    fail(`坐标系=${datum.slice(0, 30)} is no datum this service knows; CGCS2000 is converted`)
  }
  return []
}
