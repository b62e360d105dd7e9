import { badRequest, notFound } from '../http/http-error.ts'

/** A tile of the XYZ scheme: Web Mercator, y counted from the north. */
export interface TileAddress {
  z: number
  x: number
  y: number
}

export const MAX_ZOOM = 24

/**
 * Parses the z, x and y path segments of a tile URL. Throws a 400 naming the segment when one
 * is not a whole number, is negative, or lies outside the grid of its zoom (0 ≤ x, y < 2^z).
 */
export function parseTileAddress(z: string, x: string, y: string): TileAddress {
  const zoom = parseWhole(z, 'z', { most: MAX_ZOOM })
  // x and y count the columns and rows of this zoom's grid.
  const grid = { most: 2 ** zoom - 1, atZoom: ` at zoom ${zoom}` }
  return { z: zoom, x: parseWhole(x, 'x', grid), y: parseWhole(y, 'y', grid) }
}

/** Throws a 404 when the zoom lies outside the layer's published range. */
export function assertZoomInRange(tile: TileAddress, minzoom: number, maxzoom: number) {
  if (tile.z < minzoom || tile.z > maxzoom) {
    const message = `Zoom ${tile.z} is outside this layer's range ${minzoom}–${maxzoom}.`
    throw notFound('ZOOM_OUT_OF_RANGE', message, 'z')
  }
}

/**
 * The segment as a whole number from 0 to `most`; else a 400 naming the field, which says the
 * range (`atZoom` naming the zoom whose grid it is) when the segment is a number outside it.
 */
function parseWhole(text: string, field: string, range: { most: number; atZoom?: string }): number {
  // The client's text is echoed short, as long segments (a 16,000-digit x) are no use to read.
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text
  if (/^(0|[1-9]\d*)$/.test(text)) {
    // Past nine digits, a number is past every zoom's grid, and is not read.
    const value = text.length <= 9 ? Number(text) : Infinity
    if (value <= range.most) return value
    const within = `between 0 and ${range.most}${range.atZoom ?? ''}`
    throw badRequest('TILE_OUT_OF_RANGE', `${field} must be ${within}, got ${shown}.`, field)
  }
  // A padded number names the same tile as another URL: refused, and told why.
  if (/^0\d+$/.test(text)) {
    const message = `${field} must be written without leading zeros, got "${shown}".`
    throw badRequest('TILE_ADDRESS_INVALID', message, field)
  }
  // A negative number is a number all the same: the client is told where the grid starts.
  if (/^-[1-9]\d*$/.test(text)) {
    throw badRequest('TILE_ADDRESS_INVALID', `${field} must be 0 or more, got ${shown}.`, field)
  }
  throw badRequest(
    'TILE_ADDRESS_INVALID',
    `${field} must be a whole number, got "${shown}".`,
    field,
  )
}

/** The tile's bounds in lon/lat degrees: [west, south, east, north]. */
export function tileBounds({ z, x, y }: TileAddress): [number, number, number, number] {
  const size = 2 ** z
  const lon = (column: number) => (column / size) * 360 - 180
  const lat = (row: number) => {
    const n = Math.PI - (2 * Math.PI * row) / size
    return (180 / Math.PI) * Math.atan(Math.sinh(n))
  }
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)]
}
