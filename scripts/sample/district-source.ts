import { readFileSync } from 'node:fs'
import gcoord from 'gcoord'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'

export interface District {
  adcode: number
  name: string
  /** WGS84 longitude/latitude. */
  geometry: MultiPolygon
}

/**
 * Reads the district boundaries (a GeoJSON FeatureCollection in GCJ-02 with `adcode` and
 * `name` properties) and returns them converted to WGS84, sorted by adcode. Every other
 * property of the source is dropped. Throws when the file does not hold the 12 districts.
 */
export function readDistricts(path: string): District[] {
  const source = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection
  const districts = source.features.map((feature) => {
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

  if (districts.length !== 12) {
    throw new Error(`Expected the 12 districts of Hengyang in ${path}, got ${districts.length}`)
  }
  return districts.sort((a, b) => a.adcode - b.adcode)
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
