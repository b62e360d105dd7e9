import { sixDegreeZoneByPrefix, threeDegreeZoneByPrefix } from './gauss-kruger.ts'

// Northings in China, in metres from the equator: about 3°N to 54°N.
const MIN_NORTHING = 300_000
const MAX_NORTHING = 6_000_000

const inChina = (lon: number, lat: number) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54

/**
 * What a raw position looks like and which --crs would read it, as a sentence for an error
 * message. Never a choice made for the operator: a zone prefix names the zone, but only the
 * operator can confirm the file is in that system.
 */
export function crsHint(x: number, y: number): string {
  if (!inChina(x, y) && inChina(y, x)) {
    return 'They look like latitude/longitude in swapped order; GIS files put longitude first.'
  }
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
    return (
      'They look like longitude/latitude: give --crs EPSG:4490 (CGCS2000), EPSG:4326 (WGS84), ' +
      'or gcj02 or bd09 for coordinates taken from a web map.'
    )
  }

  if (y >= MIN_NORTHING && y <= MAX_NORTHING) {
    const prefix = Math.floor(x / 1_000_000)
    const threeDegree = threeDegreeZoneByPrefix(prefix)
    if (threeDegree) {
      return (
        `They look like CGCS2000 3-degree Gauss-Kruger with zone number ${prefix} in front of ` +
        `the easting: give --crs EPSG:${threeDegree.epsg} (central meridian ` +
        `${threeDegree.centralMeridian}°E) if the file is in that system.`
      )
    }
    const sixDegree = sixDegreeZoneByPrefix(prefix)
    if (sixDegree) {
      return (
        `They look like CGCS2000 6-degree Gauss-Kruger with zone number ${prefix} in front of ` +
        `the easting: give --crs EPSG:${sixDegree.epsg} if the file is in that system.`
      )
    }
    if (x > 0 && x < 1_000_000) {
      return (
        'They look like Gauss-Kruger eastings without a zone number, so the zone cannot be ' +
        'told from them: give the 3-degree zone by its central meridian, EPSG:4534 (75°E) to ' +
        'EPSG:4554 (135°E); in Hengyang EPSG:4546 (111°E) west of 112.5°E, EPSG:4547 (114°E) ' +
        'east of it.'
      )
    }
  }
  if (x >= MIN_NORTHING && x <= MAX_NORTHING && y > 1_000_000) {
    return 'They look like a survey list, northing first; GIS files put the easting first.'
  }
  return `They match no system the importer knows: give --crs with the file's system.`
}
