import type { Queryable } from '../db/database.ts'
import { mapPositions, type SiteGeometry } from '../geo/geojson-geometry.ts'
import { unprocessable } from '../http/http-error.ts'
import { isCovered } from './site-zoning.ts'

/** How a refusal names what lies outside, and what to do instead. */
export interface CoverageWords {
  /** "The site", "The place". */
  subject: string
  /** A sentence after the refusal, with its leading space; none when empty. */
  otherwise: string
  /**
   * Other readings of the site to try, each as a shift east in degrees and what to say when
   * the site so shifted lies inside: a Gauss-Krüger site read in the wrong zone lies one zone's
   * width off.
   */
  shifted?: { degrees: number; hint: string }[]
}

const SITE_WORDS: CoverageWords = { subject: 'The site', otherwise: '' }

/**
 * Throws a 422 when the site lies wholly outside the zoned area, with the likely fix: a point
 * whose swapped coordinates fall inside was given as latitude, longitude.
 */
export async function assertCovered(
  db: Queryable,
  site: SiteGeometry,
  field: string,
  words: CoverageWords = SITE_WORDS,
) {
  if (await isCovered(db, site)) return

  let hint = ''
  for (const { degrees, hint: said } of words.shifted ?? []) {
    const shifted = mapPositions(site, ([lon, lat]): [number, number] => [lon! + degrees, lat!])
    if (await isCovered(db, shifted)) {
      hint = ` ${said}`
      break
    }
  }
  if (!hint && site.type === 'Point') {
    const [lon, lat] = site.coordinates as [number, number]
    const swapped: SiteGeometry = { type: 'Point', coordinates: [lat, lon] }
    if (Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && (await isCovered(db, swapped))) {
      hint =
        ` Longitude and latitude look swapped: [${lat}, ${lon}] lies inside; ` +
        'give longitude first.'
    }
  }
  throw unprocessable(
    'OUTSIDE_COVERAGE',
    `${words.subject} lies outside the area this zoning covers.${hint}${words.otherwise}`,
    field,
  )
}
