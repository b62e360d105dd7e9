import type { LayerSpecification, Map as MaplibreMap, SourceSpecification } from 'maplibre-gl'

/**
 * A raster basemap under the zoning, when the server is configured with one: XYZ URL templates
 * drawn bottom to top (Tianditu, for instance, serves its roads and its labels apart).
 */
export interface Basemap {
  tiles: string[]
  /** HTML, as MapLibre reads it: see basemapOf. */
  attribution: string
  maxzoom: number
}

/**
 * The basemap as configured, its credit as plain text, in the form the maps take: MapLibre
 * reads an attribution as HTML, so the text is escaped and shows as written.
 */
export function basemapOf(configured: Basemap): Basemap {
  const html = configured.attribution.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
  return { ...configured, attribution: html }
}

/** What `GET /api/map-settings` answers. */
export interface MapSettings {
  basemap: Basemap | null
}

const sourceId = (index: number) => `basemap-${index}`

/** The basemap's sources and raster layers, the layers in drawing order. */
export function basemapStyle(basemap: Basemap): {
  sources: Record<string, SourceSpecification>
  layers: LayerSpecification[]
} {
  const sources: Record<string, SourceSpecification> = {}
  const layers: LayerSpecification[] = []
  basemap.tiles.forEach((template, index) => {
    sources[sourceId(index)] = {
      type: 'raster',
      tiles: [template],
      tileSize: 256,
      maxzoom: basemap.maxzoom,
      // Said once: the attribution control lists each distinct text once anyway.
      ...(index === 0 ? { attribution: basemap.attribution } : {}),
    }
    layers.push({ id: sourceId(index), type: 'raster', source: sourceId(index) })
  })
  return { sources, layers }
}

/**
 * Puts the configured basemap under the zoning once the server says which, if any. The map is
 * drawn from the product's own layers meanwhile, so a slow or absent basemap delays nothing.
 */
export async function addBasemap(map: MaplibreMap): Promise<void> {
  const response = await fetch('/api/map-settings').catch(() => undefined)
  if (!response?.ok) return
  const { basemap } = (await response.json()) as MapSettings
  if (!basemap) return

  const { sources, layers } = basemapStyle(basemap)
  const add = () => {
    // Just above the plain background colour, under every zoning layer.
    const above = map.getStyle().layers.find((layer) => layer.type !== 'background')?.id
    for (const [id, source] of Object.entries(sources)) map.addSource(id, source)
    for (const layer of layers) map.addLayer(layer, above)
  }
  if (map.isStyleLoaded()) add()
  else map.once('load', add)
}
