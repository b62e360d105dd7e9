/**
 * A CGCS2000 Gauss-Krüger projection: transverse Mercator on the GRS80 ellipsoid with scale 1 on
 * the central meridian, latitude of origin 0 and false northing 0.
 */
export interface GaussKruger {
  /** The EPSG code when the projection is one of the registered CGCS2000 zones. */
  epsg: number | undefined
  /** Degrees east. */
  centralMeridian: number
  /** Metres; zone-prefixed systems add the zone number times 1,000 km. */
  falseEasting: number
  /** The EPSG name, or a description built from the parameters. */
  name: string
}

interface ZoneSeries {
  first: number
  last: number
  width: 3 | 6
  prefixed: boolean
}

// The four CGCS2000 series in the EPSG registry. Zone-prefixed codes are numbered by zone
// (3-degree zones 25–45, 6-degree zones 13–23); the others by central meridian, 75°E to 135°E.
const SERIES: ZoneSeries[] = [
  { first: 4491, last: 4501, width: 6, prefixed: true },
  { first: 4502, last: 4512, width: 6, prefixed: false },
  { first: 4513, last: 4533, width: 3, prefixed: true },
  { first: 4534, last: 4554, width: 3, prefixed: false },
]

const FIRST_CENTRAL_MERIDIAN = 75

/** The registered CGCS2000 Gauss-Krüger system with this EPSG code, or undefined. */
export function gaussKrugerByEpsg(code: number): GaussKruger | undefined {
  const series = SERIES.find((s) => code >= s.first && code <= s.last)
  if (!series) return undefined

  const centralMeridian = FIRST_CENTRAL_MERIDIAN + series.width * (code - series.first)
  const zone = zoneOf(centralMeridian, series.width)
  const falseEasting = series.prefixed ? zone * 1_000_000 + 500_000 : 500_000
  const kind = series.width === 3 ? '3-degree Gauss-Kruger' : 'Gauss-Kruger'
  const which = series.prefixed ? `zone ${zone}` : `CM ${centralMeridian}E`
  return { epsg: code, centralMeridian, falseEasting, name: `CGCS2000 / ${kind} ${which}` }
}

/**
 * The CGCS2000 Gauss-Krüger system with these parameters: the registered one when they match
 * a code, else an unregistered one named by its parameters. A 6-degree zone's central meridian
 * is also a 3-degree zone's, and without a zone number in front of the eastings the two
 * project alike: `width` says which to name, when a .prj's name tells; 3-degree otherwise.
 */
export function gaussKruger(
  centralMeridian: number,
  falseEasting: number,
  width: 3 | 6 = 3,
): GaussKruger {
  const order = width === 3 ? [2, 3, 0, 1] : [0, 1, 2, 3]
  for (const series of order.map((i) => SERIES[i]!)) {
    for (let code = series.first; code <= series.last; code++) {
      const candidate = gaussKrugerByEpsg(code)!
      if (
        candidate.centralMeridian === centralMeridian &&
        candidate.falseEasting === falseEasting
      ) {
        return candidate
      }
    }
  }
  return {
    epsg: undefined,
    centralMeridian,
    falseEasting,
    name:
      `CGCS2000 Gauss-Kruger, central meridian ${centralMeridian}E, ` +
      `false easting ${falseEasting} m`,
  }
}

/** The proj4 definition of a Gauss-Krüger system, as in the EPSG registry. */
export function gaussKrugerProj4(system: GaussKruger): string {
  return [
    '+proj=tmerc +lat_0=0',
    `+lon_0=${system.centralMeridian}`,
    '+k=1',
    `+x_0=${system.falseEasting}`,
    '+y_0=0 +ellps=GRS80 +units=m +no_defs',
  ].join(' ')
}

/** The 3-degree zone whose eastings carry `prefix` (25–45), or undefined. */
export function threeDegreeZoneByPrefix(prefix: number): GaussKruger | undefined {
  if (!Number.isInteger(prefix) || prefix < 25 || prefix > 45) return undefined
  return gaussKrugerByEpsg(4513 + prefix - 25)
}

/** The 6-degree zone whose eastings carry `prefix` (13–23), or undefined. */
export function sixDegreeZoneByPrefix(prefix: number): GaussKruger | undefined {
  if (!Number.isInteger(prefix) || prefix < 13 || prefix > 23) return undefined
  return gaussKrugerByEpsg(4491 + prefix - 13)
}

function zoneOf(centralMeridian: number, width: 3 | 6): number {
  return width === 3 ? centralMeridian / 3 : (centralMeridian + 3) / 6
}
