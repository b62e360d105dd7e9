import gcoord from 'gcoord'

/** Coordinate systems a lon/lat input may be in. */
export const LONLAT_CRS = ['EPSG:4326', 'EPSG:4490', 'gcj02', 'bd09'] as const
export type LonLatCrs = (typeof LONLAT_CRS)[number]

/**
 * Converts a lon/lat position to WGS84. EPSG:4490 (CGCS2000) is taken as equal to WGS84; the two
 * differ by centimetres to a metre, far below what zoning needs. GCJ-02 and BD-09 are inverted
 * by gcoord, which iterates the published forward offset until it agrees to 1e-6 degrees
 * (about 0.1 m), well inside the 5 m the lookup needs.
 */
export function toWgs84(position: [number, number], crs: LonLatCrs): [number, number] {
  switch (crs) {
    case 'EPSG:4326':
    case 'EPSG:4490':
      return position
    case 'gcj02':
      return gcoord.transform(position, gcoord.GCJ02, gcoord.WGS84) as [number, number]
    case 'bd09':
      return gcoord.transform(position, gcoord.BD09, gcoord.WGS84) as [number, number]
  }
}

/** Parses a crs parameter, case-insensitive for the offset datums; undefined when unknown. */
export function parseLonLatCrs(text: string): LonLatCrs | undefined {
  const normalised = text.trim()
  const lower = normalised.toLowerCase()
  if (lower === 'gcj02' || lower === 'gcj-02') return 'gcj02'
  if (lower === 'bd09' || lower === 'bd-09') return 'bd09'
  const upper = normalised.toUpperCase()
  if (upper === 'EPSG:4326' || upper === 'WGS84') return 'EPSG:4326'
  if (upper === 'EPSG:4490' || upper === 'CGCS2000') return 'EPSG:4490'
  return undefined
}
