import type { Polygon, Position } from 'geojson'
import { hashSeed, seededRandom } from './seeded-random.ts'

/** An irregular oval drawn around a centre: the outline of a park, reservoir or mountain. */
export interface BlobSpec {
  /** Centre, WGS84 degrees. */
  lon: number
  lat: number
  /** Semi-axes in kilometres. */
  majorKm: number
  minorKm: number
  /** Direction of the major axis, degrees clockwise from north. */
  azimuth: number
  /** Relative amplitude of the wiggle on the outline, 0 for a plain ellipse; keep under 0.3. */
  wobble?: number
}

const VERTICES = 48
const KM_PER_DEGREE_LAT = 110.574
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32

/**
 * Returns the blob as a closed ring scaled by `scale`. The wiggle is seeded by `name`, and every
 * scale samples the same angles with the same wiggle, so a blob at scale 1 lies strictly
 * inside the same blob at scale 1.5: nested zones never cross.
 */
export function blobPolygon(spec: BlobSpec, name: string, scale = 1): Polygon {
  const random = seededRandom(hashSeed(name))
  const harmonics = [2, 3, 5].map((k, i) => ({
    k,
    amplitude: (spec.wobble ?? 0.12) * [0.5, 0.3, 0.2][i]! * (0.5 + random()),
    phase: random() * 2 * Math.PI,
  }))
  const azimuth = (spec.azimuth * Math.PI) / 180
  const kmPerDegreeLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((spec.lat * Math.PI) / 180)

  const ring: Position[] = []
  for (let i = 0; i < VERTICES; i++) {
    const theta = (2 * Math.PI * i) / VERTICES
    const wiggle = harmonics.reduce(
      (sum, h) => sum + h.amplitude * Math.sin(h.k * theta + h.phase),
      1,
    )
    const along = spec.majorKm * scale * wiggle * Math.cos(theta)
    const across = spec.minorKm * scale * wiggle * Math.sin(theta)
    const east = along * Math.sin(azimuth) + across * Math.cos(azimuth)
    const north = along * Math.cos(azimuth) - across * Math.sin(azimuth)
    ring.push([spec.lon + east / kmPerDegreeLon, spec.lat + north / KM_PER_DEGREE_LAT])
  }
  ring.push(ring[0]!)
  return { type: 'Polygon', coordinates: [ring] }
}
