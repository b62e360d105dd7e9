// The XYZ tile grid from its published definition (Web Mercator, y from the north), written
// here apart from the server's own so the tests do not check the code against itself.

export function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z)
}

export function latToTileY(lat: number, z: number): number {
  const phi = (lat * Math.PI) / 180
  return Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** z)
}

export function tileToLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180
}

export function tileToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI
}
