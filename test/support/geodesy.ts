// Reference values computed from textbook formulas, independent of PostGIS and of the server.

const WGS84_A = 6378137
const WGS84_E2 = 0.00669437999014
/** Radius of the sphere with the WGS84 ellipsoid's area. */
const AUTHALIC_RADIUS = 6371007.181

const rad = (degrees: number) => (degrees * Math.PI) / 180

/** Metres along a parallel per degree of longitude at latitude `lat` on WGS84. */
export function metresPerDegreeLon(lat: number): number {
  const phi = rad(lat)
  return (rad(1) * WGS84_A * Math.cos(phi)) / Math.sqrt(1 - WGS84_E2 * Math.sin(phi) ** 2)
}

/** Area in m² of the lon/lat rectangle, on the authalic sphere (within about 0.2%). */
export function rectangleArea(west: number, south: number, east: number, north: number): number {
  return AUTHALIC_RADIUS ** 2 * rad(east - west) * (Math.sin(rad(north)) - Math.sin(rad(south)))
}

/** Great-circle distance in metres on the authalic sphere (within about 0.5% of WGS84). */
export function haversine(a: [number, number], b: [number, number]): number {
  const dLat = rad(b[1] - a[1])
  const dLon = rad(b[0] - a[0])
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2
  return 2 * AUTHALIC_RADIUS * Math.asin(Math.sqrt(h))
}
