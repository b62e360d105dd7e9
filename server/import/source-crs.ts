import proj4 from 'proj4'
import type { Position } from 'geojson'
import { parseLonLatCrs, toWgs84, type LonLatCrs } from '../geo/datum.ts'
import { gaussKrugerByEpsg, gaussKrugerProj4, type GaussKruger } from './gauss-kruger.ts'

/** The coordinate reference system a source file's coordinates are in. */
export type SourceCrs =
  | { kind: 'lonlat'; datum: LonLatCrs; name: string }
  | { kind: 'gauss-kruger'; system: GaussKruger; name: string }

/** A CRS and how it was chosen, in words an operator reads ("named by the .prj"). */
export interface ChosenCrs {
  crs: SourceCrs
  from: string
}

const LONLAT_NAMES: Record<LonLatCrs, string> = {
  'EPSG:4326': 'EPSG:4326 (WGS84 longitude/latitude)',
  'EPSG:4490': 'EPSG:4490 (CGCS2000 longitude/latitude)',
  gcj02: 'GCJ-02 longitude/latitude',
  bd09: 'BD-09 longitude/latitude',
}

export const CRS_CHOICES =
  'EPSG:4326, EPSG:4490, gcj02, bd09, or a CGCS2000 Gauss-Kruger code EPSG:4491–4554'

export function lonLatCrs(datum: LonLatCrs): SourceCrs {
  return { kind: 'lonlat', datum, name: LONLAT_NAMES[datum] }
}

export function gaussKrugerCrs(system: GaussKruger): SourceCrs {
  const name = system.epsg ? `EPSG:${system.epsg} (${system.name})` : system.name
  return { kind: 'gauss-kruger', system, name }
}

/**
 * Parses a CRS given by name: EPSG:4326, EPSG:4490, gcj02, bd09 (as the lookup's crs parameter
 * takes them), or a CGCS2000 Gauss-Krüger code, EPSG:4491–4554. Undefined when unknown.
 */
export function parseSourceCrs(text: string): SourceCrs | undefined {
  const lonLat = parseLonLatCrs(text)
  if (lonLat) return lonLatCrs(lonLat)

  const match = /^\s*EPSG:(\d+)\s*$/i.exec(text)
  const system = match ? gaussKrugerByEpsg(Number(match[1])) : undefined
  return system ? gaussKrugerCrs(system) : undefined
}

/**
 * Reads the CRS name of a GeoJSON `crs` member (the 2008 GeoJSON form that GDAL still writes):
 * EPSG:n, urn:ogc:def:crs:EPSG::n or OGC CRS84. Undefined when the name is none of these or
 * names a system the importer does not convert.
 */
export function parseGeoJsonCrsName(name: string): SourceCrs | undefined {
  if (/^urn:ogc:def:crs:OGC:[\d.]*:CRS84$/i.test(name.trim())) return lonLatCrs('EPSG:4326')
  const match = /^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:)(\d+)$/i.exec(name.trim())
  return match ? parseSourceCrs(`EPSG:${match[1]}`) : undefined
}

/**
 * A function taking positions in `crs` to WGS84 [longitude, latitude] in degrees. Gauss-Krüger
 * positions are [easting, northing] in metres, as GIS files store them.
 */
export function toLonLat(crs: SourceCrs): (position: Position) => [number, number] {
  if (crs.kind === 'lonlat') {
    return (position) => toWgs84([position[0]!, position[1]!], crs.datum)
  }
  const converter = proj4(gaussKrugerProj4(crs.system), 'WGS84')
  return (position) => converter.forward([position[0]!, position[1]!]) as [number, number]
}
