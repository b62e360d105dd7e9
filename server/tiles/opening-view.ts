import type { LonLatBox } from './tile-range.ts'

const MAX_ZOOM = 14

/**
 * Where a map looks first, in the style and in TileJSON's `center`: the middle of the data's
 * bounds (lon/lat), at the deepest whole zoom at which the bounds fit in 512 × 512 pixels of
 * Web Mercator (MapLibre draws the world 512 pixels wide at zoom 0), from 0 to 14.
 * A style without them opens on 0°E 0°N, in the Gulf of Guinea. Pure.
 */
export function openingView(bounds: LonLatBox): { center: [number, number]; zoom: number } {
  const [west, south, east, north] = bounds
  const mercatorY = (lat: number) => {
    const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180)
    return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)
  }
  // Shares of the world's width and height the bounds take; a point's share, none, fits at
  // any zoom, and the deepest is taken.
  const width = (east - west) / 360
  const height = mercatorY(south) - mercatorY(north)
  const zoom = Math.floor(Math.log2(1 / Math.max(width, height)))
  const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5
  return {
    center: [round((west + east) / 2), round((south + north) / 2)],
    zoom: Math.max(0, Math.min(MAX_ZOOM, zoom)),
  }
}
