import {
  Color,
  featureFilter,
  latest,
  migrate,
  normalizePropertyExpression,
  validateStyleMin,
  type FilterSpecification,
  type LayerSpecification,
  type StylePropertySpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { paintOf } from './support/style-paint.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

describe('GET /styles/zoning.json', () => {
  let server: TestServer
  let style: StyleSpecification
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture')
    const response = await server.get('/styles/zoning.json')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    style = (await response.json()) as StyleSpecification
  })
  afterAll(() => server?.close())

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([])
  })

  it("loads only this server's vector sources, whose TileJSON names each layer", async () => {
    for (const [name, source] of Object.entries(style.sources)) {
      expect(source.type, name).toBe('vector')
      const url = (source as { url: string }).url
      expect(url.startsWith(`${server.url}/tiles/`)).toBe(true)
      const tilejson = (await (await fetch(url)).json()) as { vector_layers: { id: string }[] }
      const used = style.layers.filter((l) => 'source' in l && l.source === name)
      for (const layer of used) {
        const sourceLayer = (layer as { 'source-layer'?: string })['source-layer']
        expect(tilejson.vector_layers.map((v) => v.id)).toContain(sourceLayer)
      }
    }
  })

  it('draws every zoning layer from the one composite source', async () => {
    const catalogue = (await (await server.get('/tiles')).json()) as { layers: { name: string }[] }
    expect(Object.keys(style.sources)).toEqual(['zoning'])
    const drawn = style.layers.filter((l) => l.type !== 'background')
    expect(drawn.length).toBeGreaterThan(0)
    for (const layer of drawn) {
      expect('source' in layer && layer.source, layer.id).toBe('zoning')
    }
    // Every catalogue layer is drawn by some style layer, found by its source layer.
    const sourceLayers = new Set(
      drawn.map((l) => (l as { 'source-layer'?: string })['source-layer']),
    )
    for (const { name } of catalogue.layers) expect(sourceLayers, name).toContain(name)
  })

  it('opens on the middle of the data, at a whole zoom', async () => {
    const catalogue = (await (await server.get('/tiles')).json()) as {
      layers: { bounds?: [number, number, number, number] }[]
    }
    const boxes = catalogue.layers.flatMap((l) => (l.bounds ? [l.bounds] : []))
    const west = Math.min(...boxes.map((b) => b[0]))
    const south = Math.min(...boxes.map((b) => b[1]))
    const east = Math.max(...boxes.map((b) => b[2]))
    const north = Math.max(...boxes.map((b) => b[3]))
    expect(style.center![0]).toBeCloseTo((west + east) / 2, 4)
    expect(style.center![1]).toBeCloseTo((south + north) / 2, 4)
    expect(Number.isInteger(style.zoom)).toBe(true)
    expect(style.zoom).toBeGreaterThanOrEqual(0)
    expect(style.zoom).toBeLessThanOrEqual(14)
    // The composite TileJSON's default view is the same, so a client opening either agrees.
    const tilejson = (await (await server.get('/tiles/zoning.json')).json()) as {
      center: number[]
    }
    expect(tilejson.center).toEqual([...style.center!, style.zoom])
  })

  it('asks for no glyphs, sprites or other servers', () => {
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
  })

  it('writes names from attributes the tiles carry, in Chinese, above every area', async () => {
    const tilejson = (await (await server.get('/tiles/zoning.json')).json()) as {
      vector_layers: { id: string; fields: Record<string, string> }[]
    }
    const labels = style.layers.filter((layer) => layer.type === 'symbol')
    const labelled = labels.map((layer) => layer['source-layer'])
    // Areas from their label points, once each; rivers along their lines.
    expect(labelled).toEqual(
      expect.arrayContaining([
        'control_units_label',
        'districts_label',
        'rivers',
        'water_source_zones_label',
      ]),
    )
    const areas = style.layers.filter((layer) => layer.type !== 'symbol')
    const lastArea = style.layers.indexOf(areas[areas.length - 1]!)
    for (const layer of labels) {
      expect(style.layers.indexOf(layer), layer.id).toBeGreaterThan(lastArea)
      const read = attributesRead(layer.layout?.['text-field'])
      expect(read.length, layer.id).toBeGreaterThan(0)
      const fields = tilejson.vector_layers.find((v) => v.id === layer['source-layer'])?.fields
      for (const attribute of read) expect(fields, layer.id).toHaveProperty(attribute)
      // The first font is one QGIS can split into a family and a style; a CJK face.
      expect((layer.layout?.['text-font'] as string[])[0]).toMatch(/^Noto Sans CJK SC \w+$/)
    }
  })

  it('names each zone of a nature reserve with its kind, as the zones share the name', () => {
    const labels = style.layers.filter(
      (layer) => layer.type === 'symbol' && layer['source-layer'] === 'nature_reserve_zones_label',
    )
    const reserve = '南岳衡山国家级自然保护区'
    const kinds = { core: '核心区', buffer: '缓冲区', experimental: '实验区' }
    for (const [zone, kind] of Object.entries(kinds)) {
      const feature = { properties: { reserve_name: reserve, reserve_level: 'national', zone } }
      const writing = labels.filter((layer) => drawsFeature(layer, feature))
      expect(
        writing.map((layer) => textOf(layer, feature)),
        zone,
      ).toEqual([`${reserve}\n${kind}`])
    }
  })

  it("titles the legend's layers as the layer catalogue does", async () => {
    const catalogue = (await (await server.get('/tiles')).json()) as {
      layers: { name: string; title_zh: string; title_en: string }[]
    }
    const legend = (style.metadata as Record<string, unknown>)['ecozoning:legend'] as {
      'source-layer': string
      title: string
      'title:en': string
    }[]
    expect(catalogue.layers.length).toBeGreaterThan(0)
    for (const layer of catalogue.layers) {
      const group = legend.find((g) => g['source-layer'] === layer.name)
      expect(group, layer.name).toMatchObject({ title: layer.title_zh, 'title:en': layer.title_en })
    }
  })

  it('holds a legend of every layer, drawn with what the map draws for its features', () => {
    const legend = (style.metadata as Record<string, unknown>)['ecozoning:legend'] as {
      'source-layer': string
      title: string
      'title:en': string
      visible: boolean
      items: {
        label: string
        'label:en': string
        where?: Record<string, string>
        layers: string[]
        swatch: Record<string, unknown> & { type: string }
      }[]
    }[]
    const sourceLayers = new Set(
      style.layers
        .filter((l) => l.type !== 'symbol')
        .map((l) => (l as { 'source-layer'?: string })['source-layer']),
    )
    sourceLayers.delete(undefined)
    expect(new Set(legend.map((group) => group['source-layer']))).toEqual(sourceLayers)

    for (const group of legend) {
      // Shown at first just when the style shows the layers drawing it.
      const drawing = style.layers.filter(
        (l) =>
          l.type !== 'symbol' &&
          (l as { 'source-layer'?: string })['source-layer'] === group['source-layer'],
      )
      const shown = drawing.some((l) => l.layout?.visibility !== 'none')
      expect(group.visible, group['source-layer']).toBe(shown)
      expect(group.title).toMatch(/\p{Script=Han}/u)
      expect(group['title:en']).toMatch(/^[A-Z]/)
      for (const item of group.items) {
        expect(item.label).toMatch(/\p{Script=Han}/u)
        const feature = { type: 2, properties: item.where ?? {} }
        const drawing = item.layers.map((id) => style.layers.find((l) => l.id === id)!)
        for (const layer of drawing) {
          expect(layer, item.label).toBeDefined()
          expect((layer as { 'source-layer': string })['source-layer']).toBe(group['source-layer'])
          const filter = featureFilter((layer as { filter?: FilterSpecification }).filter)
          expect(filter.filter({ zoom: 12 }, feature as never), `${item.label} ${layer.id}`).toBe(
            true,
          )
        }
        // Every paint value the swatch gives is what one of these layers paints this feature
        // at some zoom; a width that grows with the zoom lies between its ends.
        for (const [property, given] of Object.entries(item.swatch)) {
          if (property === 'type') continue
          const value = normalColour(given)
          const painted = drawing.flatMap((layer) => paintOf(layer, property, feature))
          const what = `${item.label} ${property}`
          expect(painted.length, what).toBeGreaterThan(0)
          if (typeof value === 'number' && new Set(painted).size > 1) {
            expect(value, what).toBeGreaterThanOrEqual(Math.min(...(painted as number[])))
            expect(value, what).toBeLessThanOrEqual(Math.max(...(painted as number[])))
          } else {
            expect(painted, what).toContainEqual(value)
          }
        }
      }
    }
    const unitItems = legend.find((g) => g['source-layer'] === 'control_units')!.items
    expect(unitItems.map((item) => item.where?.class).sort()).toEqual([
      'general',
      'key',
      'priority',
    ])
  })
})

/** The attributes a text field reads, with `get` or as `{name}` in a string, in order. Pure. */
function attributesRead(expression: unknown): string[] {
  if (typeof expression === 'string') {
    return [...expression.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!)
  }
  if (!Array.isArray(expression)) return []
  if (expression[0] === 'get' && typeof expression[1] === 'string') return [expression[1]]
  return expression.flatMap(attributesRead)
}

/** Whether `layer`'s filter lets `feature` (a point) through at zoom 10. */
function drawsFeature(layer: LayerSpecification, feature: { properties: Record<string, string> }) {
  const filter = featureFilter((layer as { filter?: FilterSpecification }).filter)
  return filter.filter({ zoom: 10 }, { type: 1, ...feature } as never)
}

/**
 * The text a symbol layer writes for `feature` at zoom 10, its `{name}` tokens read as
 * maplibre reads them (the style-spec's `migrate` makes them an expression).
 */
function textOf(layer: LayerSpecification, feature: { properties: Record<string, string> }) {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)
    .layout_symbol!['text-field']!
  const [read] = migrate({ version: 8, sources: {}, layers: [structuredClone(layer)] }).layers
  const value = (read!.layout as Record<string, unknown>)['text-field']
  const expression = normalizePropertyExpression(value as never, spec)
  return String(expression.evaluate({ zoom: 10 }, feature as never))
}

/** A colour in the one form Color writes, whatever form it was given in; else the value. */
function normalColour(value: unknown): unknown {
  return (typeof value === 'string' && Color.parse(value)?.toString()) || value
}

describe('GET /styles/zoning.json with a basemap configured', () => {
  const template = 'https://tiles.example/{z}/{x}/{y}.png'
  let server: TestServer
  let style: StyleSpecification
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!, 'fixture', {
      basemap: { tiles: [template], attribution: '<b>Example</b> & "tiles"', maxzoom: 16 },
    })
    style = (await (await server.get('/styles/zoning.json')).json()) as StyleSpecification
  })
  afterAll(() => server?.close())

  it('is still a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([])
  })

  it('draws the basemap above the background and under every zoning layer', () => {
    expect(style.sources['basemap-0']).toEqual({
      type: 'raster',
      tiles: [template],
      tileSize: 256,
      maxzoom: 16,
      // Configured as text, written as the HTML MapLibre reads, so it shows as written.
      attribution: '&lt;b&gt;Example&lt;/b&gt; &amp; &quot;tiles&quot;',
    })
    const ids = style.layers.map((layer) => layer.id)
    expect(ids.slice(0, 2)).toEqual(['background', 'basemap-0'])
    expect(style.layers.filter((layer) => layer.type === 'raster')).toHaveLength(1)
  })
})
