import type { Geometry, Position } from 'geojson'
import type { SiteGeometry } from '../../geo/geojson-geometry.ts'
import type { ChosenCrs } from '../../import/source-crs.ts'

export const SITE_FORMATS = [
  'geojson',
  'wkt',
  'kml',
  'boundary-points',
  'coordinate-list',
  'shapefile',
] as const
export type SiteFormat = (typeof SITE_FORMATS)[number]

/** A change made to the site as given, reported in the answer. */
export interface SiteRepair {
  kind: 'closed-ring' | 'made-valid' | 'merged-parts'
  message: string
}

/**
 * A site as read from its format, before conversion. Positions are [x, y] in the source's own
 * system: longitude and latitude, or easting and northing in metres (survey lists, which put
 * the northing first, are turned round when read); a third ordinate may follow and is dropped.
 */
export interface RawSite {
  format: SiteFormat
  /** The request field it came from, as errors name it. */
  field: string
  /** The uploaded file's name, and the archive member read, when the site came as a file. */
  file?: string
  geometry: SiteGeometry
  /** The system the source itself names: WKT SRID, .prj, a boundary-point attribute block. */
  declared?: ChosenCrs
  /** Which systems the format holds: KML is longitude/latitude by its standard, survey lists
   * are projected, the others either. */
  systems: 'lonlat' | 'projected' | 'any'
  repairs: SiteRepair[]
  /** What the answer should say about how the source was read, such as a datum assumed. */
  notes?: string[]
}

/**
 * One site geometry from the geometries of a file's features: one point, one line, or any
 * number of polygons (a MultiPolygon when more than one). Collections and multi-geometries of
 * one member are taken apart first. Calls `fail` with the reason for anything else.
 */
export function combineGeometries(
  geometries: Geometry[],
  fail: (message: string) => never,
): SiteGeometry {
  const parts = geometries.flatMap(flatten)
  if (parts.length === 0) return fail('it holds no geometry')

  const polygons = parts.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon')
  if (polygons.length === parts.length) {
    const rings = polygons.flatMap((g) =>
      g.type === 'Polygon' ? [g.coordinates] : (g as { coordinates: Position[][][] }).coordinates,
    )
    if (rings.length === 1) return { type: 'Polygon', coordinates: rings[0]! }
    return { type: 'MultiPolygon', coordinates: rings }
  }
  if (parts.length === 1) {
    const [only] = parts
    if (only!.type === 'Point' || only!.type === 'LineString') return only as SiteGeometry
  }

  const counts = new Map<string, number>()
  for (const part of parts) counts.set(part.type, (counts.get(part.type) ?? 0) + 1)
  const held = [...counts].map(([type, n]) => `${n} ${type}${n > 1 ? 's' : ''}`).join(', ')
  return fail(
    `it holds ${held}; a site is one point, one line, or polygons (several become a ` +
      'MultiPolygon)',
  )
}

function flatten(geometry: Geometry): Geometry[] {
  switch (geometry.type) {
    case 'GeometryCollection':
      return geometry.geometries.flatMap(flatten)
    case 'MultiPoint':
      return geometry.coordinates.map((coordinates) => ({ type: 'Point', coordinates }))
    case 'MultiLineString':
      return geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }))
    default:
      return [geometry]
  }
}

/**
 * Closes every ring whose last position does not repeat its first, as survey lists, WKT and
 * KML written by hand often leave them, and returns what was closed. Calls `fail` for a ring of
 * fewer than three distinct positions, which no closing makes an area.
 */
export function closeRings(site: SiteGeometry, fail: (message: string) => never): SiteRepair[] {
  if (site.type !== 'Polygon' && site.type !== 'MultiPolygon') return []
  const polygons = site.type === 'Polygon' ? [site.coordinates] : site.coordinates
  const repairs: SiteRepair[] = []

  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      const where =
        (polygons.length > 1 ? `polygon ${p + 1}, ` : '') +
        (r === 0 ? 'outer ring' : `inner ring ${r}`)
      const first = ring[0]
      const last = ring[ring.length - 1]
      const closed = first && last && first[0] === last[0] && first[1] === last[1]
      // A single point is its own first and last: one point, not none.
      const distinct = closed && ring.length > 1 ? ring.length - 1 : ring.length
      if (distinct === 1) {
        fail(`${where} has 1 point; a ring needs at least 3 (a site that is one point is a Point)`)
      }
      if (distinct < 3) {
        fail(`${where} has ${distinct} distinct points; a ring needs at least 3`)
      }
      if (!closed) {
        ring.push([...first!])
        repairs.push({
          kind: 'closed-ring',
          message: `Closed the ${where}: its last point did not repeat its first.`,
        })
      }
    })
  })
  return repairs
}
