import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
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
  })

  it('asks for no glyphs, sprites or other servers', () => {
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
  })
})

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
