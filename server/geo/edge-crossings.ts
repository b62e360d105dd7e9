import type { Position } from 'geojson'

/**
 * Counts the places where edges of these rings (or, with `open`, lines) cross or overlap each
 * other, stopping once the count passes `limit`. Consecutive edges, which share a vertex, do
 * not count, nor do a ring's last and first; a line's last and first count where they meet
 * (a loop that ends where it began, once). A sweep over
 * the edges sorted by their west end compares only edges whose longitudes overlap, so an
 * untangled outline costs little more than the sort.
 */
export function countEdgeCrossings(
  rings: Position[][],
  limit: number,
  { open = false } = {},
): number {
  const edges: Edge[] = []
  rings.forEach((ring, r) => {
    const kept: Edge[] = []
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]! as [number, number]
      const [bx, by] = ring[i]! as [number, number]
      // A repeated vertex makes an edge of no length, which would part its neighbours.
      if (ax === bx && ay === by) continue
      kept.push({ ax, ay, bx, by, ring: r, at: kept.length, last: false })
    }
    if (kept.length > 0 && !open) kept[kept.length - 1]!.last = true
    edges.push(...kept)
  })
  edges.sort((e, f) => Math.min(e.ax, e.bx) - Math.min(f.ax, f.bx))

  let count = 0
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!
    const eastEnd = Math.max(e.ax, e.bx)
    for (let j = i + 1; j < edges.length; j++) {
      const f = edges[j]!
      if (Math.min(f.ax, f.bx) > eastEnd) break
      if (adjacent(e, f) || !boxesMeet(e, f) || !edgesMeet(e, f)) continue
      if (++count > limit) return count
    }
  }
  return count
}

interface Edge {
  ax: number
  ay: number
  bx: number
  by: number
  ring: number
  /** Position of the edge along its ring. */
  at: number
  last: boolean
}

/** Consecutive edges of one ring, which share a vertex by construction. */
function adjacent(e: Edge, f: Edge): boolean {
  if (e.ring !== f.ring) return false
  if (Math.abs(e.at - f.at) === 1) return true
  // The ring's first and last edges meet at its closing vertex.
  return (e.at === 0 && f.last) || (f.at === 0 && e.last)
}

function boxesMeet(e: Edge, f: Edge): boolean {
  return (
    Math.max(e.ay, e.by) >= Math.min(f.ay, f.by) && Math.max(f.ay, f.by) >= Math.min(e.ay, e.by)
  )
}

/** Whether two segments share any point (crossing, touching or overlapping). */
function edgesMeet(e: Edge, f: Edge): boolean {
  const d1 = turn(f.ax, f.ay, f.bx, f.by, e.ax, e.ay)
  const d2 = turn(f.ax, f.ay, f.bx, f.by, e.bx, e.by)
  const d3 = turn(e.ax, e.ay, e.bx, e.by, f.ax, f.ay)
  const d4 = turn(e.ax, e.ay, e.bx, e.by, f.bx, f.by)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true
  }
  // Touching or collinear: an end lies on the other segment.
  return (
    (d1 === 0 && within(f, e.ax, e.ay)) ||
    (d2 === 0 && within(f, e.bx, e.by)) ||
    (d3 === 0 && within(e, f.ax, f.ay)) ||
    (d4 === 0 && within(e, f.bx, f.by))
  )
}

function turn(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

function within(s: Edge, x: number, y: number): boolean {
  return (
    x >= Math.min(s.ax, s.bx) &&
    x <= Math.max(s.ax, s.bx) &&
    y >= Math.min(s.ay, s.by) &&
    y <= Math.max(s.ay, s.by)
  )
}
