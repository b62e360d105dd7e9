import type { LegacyFeature, LegacyTile } from 'geojson-vt'
import { TOLERANCE } from './tile-options.ts'

type Position = [number, number]
type Box = [number, number, number, number]

/**
 * How far (tile pixels) a hole may reach past its exterior's bounding box: simplification may
 * drop an exterior's outermost vertex when it lies within the tolerance of the line kept in its
 * place, and rounding to whole pixels moves each vertex by half a pixel.
 */
const HOLE_SLACK = TOLERANCE + 1

/**
 * The tile without the geometry that the vector tile specification (2.1, 4.3.3 and 4.3.4) does
 * not allow, which cutting leaves where a shape is narrower than a pixel of its zoom: a ring
 * rounded to whole pixels can collapse to a back-and-forth of no area, and a line to one point.
 * A decoder reads a ring's role from the sign of its area (positive: an exterior; negative: a
 * hole of the exterior before it), so a ring of no area cannot be read at all, and a hole left
 * without its exterior would be read as a hole of another polygon. Dropped are:
 *
 * - repeated consecutive points (a zero-length LineTo, or a ring closed back onto its start);
 * - rings of zero area, which covers those of fewer than three distinct points;
 * - holes not within the bounding box of an exterior before them: those of a dropped exterior,
 *   and exteriors that simplification turned inside out;
 * - lines of fewer than two distinct points, and features with nothing left.
 *
 * Tiles are cut on request, so this is one pass over the points, and copies only what changes.
 */
export function dropDegenerateGeometry(tile: LegacyTile): LegacyTile {
  let features: LegacyFeature[] | undefined
  for (let i = 0; i < tile.features.length; i++) {
    const feature = tile.features[i]!
    const kept = validFeature(feature)
    if (kept !== feature && !features) features = tile.features.slice(0, i)
    if (features && kept) features.push(kept)
  }
  return features ? { features } : tile
}

function validFeature(feature: LegacyFeature): LegacyFeature | null {
  if (feature.type === 1) return feature.geometry.length > 0 ? feature : null
  const geometry =
    feature.type === 3 ? validPolygons(feature.geometry) : validLines(feature.geometry)
  if (geometry === feature.geometry) return feature
  return geometry.length > 0 ? { ...feature, geometry } : null
}

function validLines(lines: Position[][]): Position[][] {
  let kept: Position[][] | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const clean = withoutRepeats(line)
    // Without repeats, two points are two distinct points.
    const keep = clean.length >= 2
    if ((!keep || clean !== line) && !kept) kept = lines.slice(0, i)
    if (kept && keep) kept.push(clean)
  }
  return kept ?? lines
}

function validPolygons(rings: Position[][]): Position[][] {
  let kept: Position[][] | undefined
  // The bounding box of the exterior the holes that follow belong to; none before the first.
  let exterior: Box | undefined
  for (let i = 0; i < rings.length; i++) {
    const ring = rings[i]!
    const { twiceArea, box, needsCleaning } = measureRing(ring)
    let keep: boolean
    if (twiceArea > 0) {
      keep = true
      exterior = box
    } else if (twiceArea < 0) {
      keep = exterior !== undefined && encloses(exterior, box)
    } else {
      keep = false
      // A ring of no area has no winding to say whether it was an exterior or a hole. A hole
      // lies inside its exterior: a ring that does not, or comes first, was an exterior, and
      // the holes that follow are its own, dropped with it.
      if (exterior && !encloses(exterior, box)) exterior = undefined
    }
    const clean = keep && needsCleaning ? closedWithoutRepeats(ring) : ring
    if ((!keep || clean !== ring) && !kept) kept = rings.slice(0, i)
    if (kept && keep) kept.push(clean)
  }
  return kept ?? rings
}

/**
 * Twice the ring's signed area by the surveyor's formula in tile coordinates (y down), which the
 * specification uses to tell exteriors (positive) from holes (negative); its bounding box; and
 * whether it needs cleaning: a point repeating the one before it, or a last point that does
 * not close it. The ring is read as closed either way, and a repeat adds nothing to the area.
 */
function measureRing(ring: Position[]): { twiceArea: number; box: Box; needsCleaning: boolean } {
  const n = ring.length
  if (n === 0) return { twiceArea: 0, box: [0, 0, 0, 0], needsCleaning: false }
  let area = 0
  let needsCleaning = false
  let [x0, y0] = ring[n - 1]!
  let [minX, minY, maxX, maxY] = [x0, y0, x0, y0]
  for (let i = 0; i < n; i++) {
    const [x, y] = ring[i]!
    area += x0 * y - x * y0
    if (i > 0 && x === x0 && y === y0) needsCleaning = true
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
    x0 = x
    y0 = y
  }
  // An open ring would be closed by the encoder dropping its last point: clean it as well.
  const [xs, ys] = ring[0]!
  if (ring[n - 1]![0] !== xs || ring[n - 1]![1] !== ys) needsCleaning = true
  return { twiceArea: area, box: [minX, minY, maxX, maxY], needsCleaning }
}

function encloses(outer: Box, inner: Box): boolean {
  return (
    inner[0] >= outer[0] - HOLE_SLACK &&
    inner[1] >= outer[1] - HOLE_SLACK &&
    inner[2] <= outer[2] + HOLE_SLACK &&
    inner[3] <= outer[3] + HOLE_SLACK
  )
}

/** The points without those that repeat the one before; the same array when none does. */
function withoutRepeats(points: Position[]): Position[] {
  let clean: Position[] | undefined
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i]!
    const [px, py] = points[i - 1]!
    const repeat = x === px && y === py
    if (repeat && !clean) clean = points.slice(0, i)
    else if (clean && !repeat) clean.push(points[i]!)
  }
  return clean ?? points
}

/** The ring without repeated points, ending with its first point once, as the encoder needs. */
function closedWithoutRepeats(ring: Position[]): Position[] {
  const clean = withoutRepeats(ring).slice()
  const first = clean[0]!
  while (clean.length > 1 && clean.at(-1)![0] === first[0] && clean.at(-1)![1] === first[1]) {
    clean.pop()
  }
  clean.push(first)
  return clean
}
