import type { Position } from 'geojson'
import type { SiteGeometry } from '../../geo/geojson-geometry.ts'
import { unprocessable } from '../../http/http-error.ts'
import { closeRings, type RawSite } from './raw-site.ts'

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/
/** Degrees, minutes and seconds: 112°37′04.8″E, 26°53'56.4", 112°37.08′. */
const DEGREES = String.raw`(\d{1,3}(?:\.\d+)?)°\s*`
const MINUTES = String.raw`(?:(\d{1,2}(?:\.\d+)?)\s*['′’]\s*)?`
const SECONDS = String.raw`(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″”]|''|′′))?`
const SEXAGESIMAL = new RegExp(`^${DEGREES}${MINUTES}${SECONDS}\\s*([NSEW东西南北])?$`, 'i')
const LONGITUDE_COLUMN = /经度|东经|lon|lng/i
const LATITUDE_COLUMN = /纬度|北纬|lat/i

/**
 * Reads a plain list of longitude/latitude pairs, as consultants keep them in a spreadsheet's
 * CSV or copy them from a web map: one pair per line, commas, tabs, semicolons or spaces
 * between, values quoted or not, in decimal degrees or degrees, minutes and seconds
 * (112°37′04.8″). A first line of column names says where the longitude and latitude are
 * (经度/东经/lon/lng, 纬度/北纬/lat), and the other columns (a point's number, a remark) are
 * left; without it a line holds the pair, longitude first, after a point's name or not. Empty
 * lines and empty trailing cells are left. One pair is a point, two a line, three or more a
 * polygon, closed when the last pair does not repeat the first (a repair the answer reports).
 *
 * Undefined when the text is no such list: a number beyond ±180 is metres, and the list is
 * left to the boundary-point reader. No Gauss-Kruger easting or northing is that small.
 */
export function readCoordinateList(text: string, field: string): RawSite | undefined {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .map(cellsOf)
    .filter((cells) => cells.length > 0)
  // Column names are a first line without a single coordinate in it.
  const named = rows[0] && rows[0].every((cell) => degreesOf(cell) === undefined)
  const header = named ? rows.shift() : undefined
  const columns = header && pairColumns(header)

  const pairs: [number, number][] = []
  for (const cells of rows) {
    // Point names in a column the names leave unnamed come first: 纬度,经度 over J1,26.9,112.5.
    const shift =
      header && cells.length === header.length + 1 && degreesOf(cells[0]!) === undefined ? 1 : 0
    const pair = columns ? columns.map((i) => cells[i + shift] ?? '') : unnamedPair(cells)
    const degrees = pair?.map(degreesOf)
    if (!degrees || degrees.some((d) => d === undefined || Math.abs(d) > 180)) return undefined
    pairs.push(degrees as [number, number])
  }
  if (pairs.length === 0) return undefined

  const geometry = siteOf(pairs)
  const repairs = closeRings(geometry, (message) => {
    throw unprocessable('GEOMETRY_INVALID', `${field}: ${message}.`, field)
  })
  return { format: 'coordinate-list', field, geometry, systems: 'lonlat', repairs }
}

/**
 * A line's cells, unquoted, without the empty ones a spreadsheet leaves at the end. Spaces
 * separate cells only where no degree sign is, as 112° 37′ 04.8″ is one value.
 */
function cellsOf(line: string): string[] {
  const separators = line.includes('°') ? /\s*[,，;；\t]\s*/ : /\s*[,，;；\t]\s*|\s+/
  const cells = line
    .trim()
    .split(separators)
    .map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$|^'(.*)'$/, '$1$2')
        .trim(),
    )
  while (cells.length > 0 && cells.at(-1) === '') cells.pop()
  return cells
}

/** The columns of the longitude and the latitude, when the column names say both. */
function pairColumns(header: string[]): [number, number] | undefined {
  const lon = header.findIndex((name) => LONGITUDE_COLUMN.test(name))
  const lat = header.findIndex((name) => LATITUDE_COLUMN.test(name))
  return lon >= 0 && lat >= 0 && lon !== lat ? [lon, lat] : undefined
}

/** The pair of a line without column names: two values, after a point's name or not. */
function unnamedPair(cells: string[]): string[] | undefined {
  // A point's name is a word or a whole number; a decimal in front is a coordinate, and three
  // coordinates are no pair.
  if (cells.length === 3 && !/^[-+]?\d*\.\d*$/.test(cells[0]!)) return cells.slice(1)
  return cells.length === 2 ? cells : undefined
}

/** Decimal degrees of a cell, west and south negative; undefined for anything else. */
function degreesOf(cell: string): number | undefined {
  if (DECIMAL.test(cell)) return Number(cell)
  const match = SEXAGESIMAL.exec(cell)
  if (!match) return undefined
  const [, d, m = '0', s = '0', hemisphere = ''] = match
  if (Number(m) >= 60 || Number(s) >= 60) return undefined
  const degrees = Number(d) + Number(m) / 60 + Number(s) / 3600
  return /[SW南西]/i.test(hemisphere) ? -degrees : degrees
}

function siteOf(pairs: Position[]): SiteGeometry {
  if (pairs.length === 1) return { type: 'Point', coordinates: pairs[0]! }
  const [first, last] = [pairs[0]!, pairs.at(-1)!]
  const distinct = first[0] === last[0] && first[1] === last[1] ? pairs.length - 1 : pairs.length
  // Fewer than three corners make no area: such a list is a line.
  if (distinct < 3) return { type: 'LineString', coordinates: pairs }
  return { type: 'Polygon', coordinates: [pairs] }
}
