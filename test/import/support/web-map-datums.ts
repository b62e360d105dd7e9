// The published forward offsets of the Chinese web-map datums, written from their formulas so
// that fixtures do not depend on the library the importer uses to invert them.

const KRASOVSKY_A = 6378245
const KRASOVSKY_E2 = 0.00669342162296594323
const { PI, sin, cos, sqrt, abs, atan2 } = Math

function offsetLat(x: number, y: number): number {
  return (
    -100 +
    2 * x +
    3 * y +
    0.2 * y * y +
    0.1 * x * y +
    0.2 * sqrt(abs(x)) +
    ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3 +
    ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3 +
    ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3
  )
}

function offsetLon(x: number, y: number): number {
  return (
    300 +
    x +
    2 * y +
    0.1 * x * x +
    0.1 * x * y +
    0.1 * sqrt(abs(x)) +
    ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3 +
    ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3 +
    ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3
  )
}

/** WGS84 [lon, lat] to GCJ-02, the offset datum of Amap and Tencent maps. */
export function wgs84ToGcj02([lon, lat]: [number, number]): [number, number] {
  const radLat = (lat / 180) * PI
  const w = 1 - KRASOVSKY_E2 * sin(radLat) ** 2
  const dLat =
    (offsetLat(lon - 105, lat - 35) * 180) /
    (((KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (w * sqrt(w))) * PI)
  const dLon = (offsetLon(lon - 105, lat - 35) * 180) / ((KRASOVSKY_A / sqrt(w)) * cos(radLat) * PI)
  return [lon + dLon, lat + dLat]
}

/** GCJ-02 [lon, lat] to BD-09, Baidu's further offset. */
export function gcj02ToBd09([lon, lat]: [number, number]): [number, number] {
  const k = (PI * 3000) / 180
  const z = sqrt(lon * lon + lat * lat) + 0.00002 * sin(lat * k)
  const theta = atan2(lat, lon) + 0.000003 * cos(lon * k)
  return [z * cos(theta) + 0.0065, z * sin(theta) + 0.006]
}
