import type { FeatureCollection } from 'geojson'
import type { SiteGeometry } from '../check/check-types.ts'
import type { DrawKind } from './precheck-terms.ts'

/** A position in WGS84 degrees, [longitude, latitude]. */
export type LonLatPair = [number, number]

/** What a click on the map does to the drawing. */
export type ClickAction = 'add' | 'finish' | 'ignore'

/** The fewest vertices each kind of site needs. */
export const MIN_VERTICES: Record<DrawKind, number> = { polygon: 3, line: 2, point: 1 }

/** A snapshot of a drawing, for the controls and the status line. */
export interface DrawingState {
  kind: DrawKind
  count: number
  finished: boolean
  canFinish: boolean
}

/**
 * A site being drawn: a polygon, a line or a point, vertex by vertex, in WGS84 degrees. A point
 * is finished by its one vertex; a polygon or a line by `finish` once it has enough vertices.
 * A finished drawing takes no more vertices until a vertex is undone or it is cleared.
 */
export class SiteDrawing {
  #kind: DrawKind = 'polygon'
  #vertices: LonLatPair[] = []
  #finished = false

  get state(): DrawingState {
    return {
      kind: this.#kind,
      count: this.#vertices.length,
      finished: this.#finished,
      canFinish: !this.#finished && this.#vertices.length >= MIN_VERTICES[this.#kind],
    }
  }

  get vertices(): LonLatPair[] {
    return this.#vertices.map(([lon, lat]) => [lon, lat])
  }

  /** Starts over with another kind of site. */
  setKind(kind: DrawKind): void {
    this.#kind = kind
    this.clear()
  }

  /** Adds a vertex; false when the drawing is finished. A point is finished by it. */
  add(vertex: LonLatPair): boolean {
    if (this.#finished) return false

    this.#vertices.push([vertex[0], vertex[1]])
    if (this.#kind === 'point') this.#finished = true
    return true
  }

  /** Removes the last vertex, which reopens a finished drawing; false when there is none. */
  undo(): boolean {
    if (this.#vertices.length === 0) return false

    this.#vertices.pop()
    this.#finished = false
    return true
  }

  clear(): void {
    this.#vertices = []
    this.#finished = false
  }

  /** Finishes the drawing when it has enough vertices; false (and unchanged) otherwise. */
  finish(): boolean {
    if (!this.state.canFinish) return false

    this.#finished = true
    return true
  }

  /**
   * What a click does, given whether it landed on the first or the last vertex: on the first
   * vertex it closes a polygon, on the last it ends a line; a second click on the last vertex
   * (as in a double click) adds nothing.
   */
  clickAction(onFirst: boolean, onLast: boolean): ClickAction {
    const { kind, count, finished } = this.state
    if (finished) return 'ignore'
    if (kind === 'point') return 'add'

    if (kind === 'polygon' && onFirst && count >= MIN_VERTICES.polygon) return 'finish'
    if (kind === 'line' && onLast && count >= MIN_VERTICES.line) return 'finish'
    return onLast ? 'ignore' : 'add'
  }

  /**
   * The finished site as GeoJSON: a Point, a LineString, or a Polygon whose one ring is closed
   * and runs counter-clockwise, as RFC 7946 asks. Undefined while it is not finished.
   */
  geometry(): SiteGeometry | undefined {
    if (!this.#finished) return undefined

    const vertices = this.vertices
    switch (this.#kind) {
      case 'point':
        return { type: 'Point', coordinates: vertices[0]! }
      case 'line':
        return { type: 'LineString', coordinates: vertices }
      case 'polygon': {
        const ring = signedArea(vertices) < 0 ? vertices.reverse() : vertices
        return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] }
      }
    }
  }

  /**
   * What the map shows while drawing: the outline so far (an area once a polygon has three
   * vertices) and each vertex, the first marked `first` and the last `last`.
   */
  features(): FeatureCollection {
    const vertices = this.vertices
    const collection: FeatureCollection = { type: 'FeatureCollection', features: [] }
    const shape = (geometry: FeatureCollection['features'][number]['geometry']) =>
      collection.features.push({ type: 'Feature', properties: { role: 'shape' }, geometry })

    if (this.#kind === 'polygon' && vertices.length >= 3) {
      shape({ type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] })
    } else if (this.#kind !== 'point' && vertices.length >= 2) {
      shape({ type: 'LineString', coordinates: vertices })
    }

    vertices.forEach((vertex, index) => {
      collection.features.push({
        type: 'Feature',
        properties: {
          role: 'vertex',
          first: index === 0,
          last: index === vertices.length - 1,
        },
        geometry: { type: 'Point', coordinates: vertex },
      })
    })
    return collection
  }
}

/** Twice the signed area of a ring in degrees, by the shoelace formula; positive anticlockwise. */
function signedArea(ring: LonLatPair[]): number {
  let sum = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!
    const [x2, y2] = ring[(i + 1) % ring.length]!
    sum += x1 * y2 - x2 * y1
  }
  return sum
}
