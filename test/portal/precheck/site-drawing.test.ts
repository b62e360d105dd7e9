import { describe, expect, it } from 'vitest'
import { SiteDrawing } from '../../../portal/src/precheck/site-drawing.ts'

const square: [number, number][] = [
  [112.08, 27.02],
  [112.145, 27.02],
  [112.145, 27.03],
  [112.08, 27.03],
]

function drawn(kind: 'polygon' | 'line' | 'point', vertices: [number, number][]): SiteDrawing {
  const drawing = new SiteDrawing()
  drawing.setKind(kind)
  for (const vertex of vertices) drawing.add(vertex)
  return drawing
}

describe('SiteDrawing', () => {
  it('finishes a polygon of three or more vertices as one closed anticlockwise ring', () => {
    const drawing = drawn('polygon', square)
    expect(drawing.state).toEqual({ kind: 'polygon', count: 4, finished: false, canFinish: true })
    expect(drawing.geometry()).toBeUndefined()

    expect(drawing.finish()).toBe(true)
    expect(drawing.geometry()).toEqual({ type: 'Polygon', coordinates: [[...square, square[0]]] })
  })

  it('turns a clockwise outline anticlockwise, as RFC 7946 asks', () => {
    const clockwise = [...square].reverse()
    const drawing = drawn('polygon', clockwise)
    drawing.finish()
    const ring = (drawing.geometry() as { coordinates: number[][][] }).coordinates[0]!

    // The square's corners from the south-west run east first: anticlockwise.
    expect(ring).toEqual([...square, square[0]])
  })

  it('needs three vertices for a polygon and two for a line', () => {
    const polygon = drawn('polygon', square.slice(0, 2))
    expect(polygon.finish()).toBe(false)
    expect(polygon.state.canFinish).toBe(false)

    const line = drawn('line', square.slice(0, 2))
    expect(line.finish()).toBe(true)
    expect(line.geometry()).toEqual({ type: 'LineString', coordinates: square.slice(0, 2) })
  })

  it('finishes a point with its one vertex and takes no more', () => {
    const drawing = drawn('point', [square[0]!])
    expect(drawing.state.finished).toBe(true)
    expect(drawing.add(square[1]!)).toBe(false)
    expect(drawing.geometry()).toEqual({ type: 'Point', coordinates: square[0] })
  })

  it('reopens a finished drawing when its last vertex is undone, and clears', () => {
    const drawing = drawn('polygon', square)
    drawing.finish()
    expect(drawing.add([112.1, 27.1])).toBe(false)

    expect(drawing.undo()).toBe(true)
    expect(drawing.state).toEqual({ kind: 'polygon', count: 3, finished: false, canFinish: true })
    drawing.clear()
    expect(drawing.state.count).toBe(0)
    expect(drawing.undo()).toBe(false)
  })

  it('starts over when the kind changes', () => {
    const drawing = drawn('polygon', square)
    drawing.setKind('line')
    expect(drawing.state).toEqual({ kind: 'line', count: 0, finished: false, canFinish: false })
  })

  it('closes a polygon on its first vertex and ends a line on its last', () => {
    const polygon = drawn('polygon', square.slice(0, 2))
    expect(polygon.clickAction(true, false)).toBe('add')
    polygon.add(square[2]!)
    expect(polygon.clickAction(true, false)).toBe('finish')
    expect(polygon.clickAction(false, true)).toBe('ignore')
    expect(polygon.clickAction(false, false)).toBe('add')

    const line = drawn('line', [square[0]!])
    expect(line.clickAction(true, true)).toBe('ignore')
    line.add(square[1]!)
    expect(line.clickAction(false, true)).toBe('finish')

    polygon.finish()
    expect(polygon.clickAction(false, false)).toBe('ignore')
    expect(new SiteDrawing().clickAction(false, false)).toBe('add')
  })

  it('shows the outline so far and every vertex, the first and last marked', () => {
    const two = drawn('polygon', square.slice(0, 2)).features()
    expect(two.features.map((feature) => feature.geometry.type)).toEqual([
      'LineString',
      'Point',
      'Point',
    ])

    const four = drawn('polygon', square).features()
    expect(four.features[0]).toMatchObject({
      properties: { role: 'shape' },
      geometry: { type: 'Polygon', coordinates: [[...square, square[0]]] },
    })
    const vertices = four.features.filter((feature) => feature.properties?.role === 'vertex')
    expect(vertices.map((vertex) => [vertex.properties?.first, vertex.properties?.last])).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, true],
    ])
    expect(drawn('point', [square[0]!]).features().features).toHaveLength(1)
  })
})
