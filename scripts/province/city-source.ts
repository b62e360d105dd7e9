import { readFileSync } from 'node:fs'
import gcoord from 'gcoord'
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'

export interface City {
  /** Six-digit administrative code, 43xx00 for the cities of Hunan. */
  adcode: number
  name: string
  /** WGS84 longitude/latitude. */
  geometry: MultiPolygon
}

/**
 * Reads the prefecture-level boundaries of Hunan (a GeoJSON FeatureCollection in GCJ-02 with
 * `adcode` and `name`), converted to WGS84 and sorted by adcode. Throws when the file does not
 * hold the 14 cities.
 */
export function readCities(path: string): City[] {
  const source = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection
  const cities = source.features.map((feature) => {
    const { adcode, name } = feature.properties ?? {}
    const type = feature.geometry.type
    if (typeof adcode !== 'number' || typeof name !== 'string') {
      throw new Error(`Expected numeric adcode and text name in ${path}, got ${adcode}, ${name}`)
    }
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new Error(`Expected a polygon for ${name} in ${path}, got ${type}`)
    }
    return { adcode, name, geometry: gcjToWgs84(feature.geometry as Polygon | MultiPolygon) }
  })

  if (cities.length !== 14) {
    throw new Error(`Expected the 14 cities of Hunan in ${path}, got ${cities.length}`)
  }
  return cities.sort((a, b) => a.adcode - b.adcode)
}

function gcjToWgs84(geometry: Polygon | MultiPolygon): MultiPolygon {
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
