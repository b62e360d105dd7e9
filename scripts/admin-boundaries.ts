import { readFileSync } from 'node:fs'
import gcoord from 'gcoord'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'

export interface AdminArea {
  /** Six-digit administrative code. */
  adcode: number
  name: string
  /** WGS84 longitude/latitude. */
  geometry: MultiPolygon
}

/**
 * Reads administrative boundaries (a GeoJSON FeatureCollection in GCJ-02 with `adcode` and
 * `name` properties) and returns them converted to WGS84, sorted by adcode. Every other property
 * of the source is dropped. Throws when the file does not hold `count` areas (`what` names them
 * in the message).
 */
export function readAdminBoundaries(path: string, count: number, what: string): AdminArea[] {
  const source = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection
  const areas = source.features.map((feature) => {
    const { adcode, name } = feature.properties ?? {}
    const type = feature.geometry.type
    if (typeof adcode !== 'number' || typeof name !== 'string') {
      throw new Error(`Expected numeric adcode and text name in ${path}, got ${adcode}, ${name}`)
    }
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new Error(`Expected a polygon for ${name} in ${path}, got ${type}`)
    }
    return { adcode, name, geometry: toWgs84(feature.geometry as Polygon | MultiPolygon) }
  })

  if (areas.length !== count) {
    throw new Error(`Expected the ${count} ${what} in ${path}, got ${areas.length}`)
  }
  return areas.sort((a, b) => a.adcode - b.adcode)
}

function toWgs84(geometry: Polygon | MultiPolygon): MultiPolygon {
  // gcoord ships its own GeoJSON typings; the shapes are the same, only the names differ.
  const converted = gcoord.transform(
    structuredClone(geometry) as unknown as Parameters<typeof gcoord.transform>[0],
    gcoord.GCJ02,
    gcoord.WGS84,
  ) as unknown as Polygon | MultiPolygon
  return converted.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [converted.coordinates] }
    : converted
}
