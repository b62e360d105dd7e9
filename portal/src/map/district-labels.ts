import maplibregl, { type Map as MaplibreMap } from 'maplibre-gl'

interface District {
  name: string
  label: [number, number]
  bbox: [number, number, number, number]
}

/** Below this zoom the whole province is in view and the names would cover each other. */
const LABEL_MIN_ZOOM = 7

/**
 * Writes each district's name on the map, at the point `GET /api/districts` gives, as page text
 * over the canvas: the maps load no glyphs, so a symbol layer cannot draw text. The names are
 * hidden from screen readers, which find districts through the search and the lookup instead,
 * and from the pointer, so a click on a name looks up the place under it. They follow the
 * districts layer's toggle. Where names would overlap, the larger district's is kept: the
 * city's small central districts show their names once the map is close enough.
 */
export async function labelDistricts(
  map: MaplibreMap,
  toggle: HTMLInputElement | undefined,
): Promise<void> {
  const response = await fetch('/api/districts').catch(() => undefined)
  if (!response?.ok) return
  const { districts } = (await response.json()) as { districts: District[] }

  const extent = ({ bbox: [w, s, e, n] }: District) => (e - w) * (n - s)
  const largestFirst = [...districts].sort((a, b) => extent(b) - extent(a))
  const labels = largestFirst.map((district) => {
    const element = document.createElement('span')
    element.className = 'district-label'
    element.textContent = district.name
    element.setAttribute('aria-hidden', 'true')
    element.dataset.districtLabel = district.name
    return new maplibregl.Marker({ element, anchor: 'center' }).setLngLat(district.label).addTo(map)
  })

  const update = () => {
    const shown = (toggle?.checked ?? true) && map.getZoom() >= LABEL_MIN_ZOOM
    const placed: DOMRect[] = []
    for (const label of labels) {
      const element = label.getElement()
      element.hidden = !shown
      if (!shown) continue
      const box = element.getBoundingClientRect()
      element.hidden = placed.some((other) => overlaps(box, other))
      if (!element.hidden) placed.push(box)
    }
  }
  update()
  map.on('moveend', update)
  toggle?.addEventListener('change', update)
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}
