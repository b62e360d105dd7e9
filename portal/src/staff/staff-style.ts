import type {
  ExpressionSpecification,
  LayerSpecification,
  RequestParameters,
  StyleSpecification,
} from 'maplibre-gl'
import { initiallyVisible } from '../map/zoning-palette.ts'
import { zoningStyle } from '../map/zoning-style.ts'
import { STAFF_API } from './staff-client.ts'

/** The vector source of the staff reports layer, and its source layer in the tiles. */
export const reportsSource = 'staff-reports'
export const reportsSourceLayer = 'reports'
/** The circle layer of the reports, which rendered-feature queries read. */
export const reportsLayer = 'staff-reports-circle'
/** The ring around the report that is open, filtered by its tracking code. */
export const openReportLayer = 'staff-reports-open'

/** Fill by priority; overdue reports get a thick dark-red ring, so they stand out in any fill. */
export const PRIORITY_COLOURS = { urgent: '#b91c1c', high: '#d97706', normal: '#2563eb' } as const
export const OVERDUE_RING = '#7f1d1d'

/** The TileJSON of the staff reports layer for a list query ('' for every report). */
export function reportsTileJsonUrl(origin: string, query: string): string {
  return `${origin}${STAFF_API}/tiles/reports.json${query === '' ? '' : `?${query}`}`
}

/**
 * The public zoning style with the reports over it: one circle per report, coloured by
 * priority, ringed when overdue, and a highlight ring for the report that is open.
 *
 * @param origin the server's origin; maplibre needs absolute URLs
 * @param query the list's filters as a query string without `?`, carried into the tile URLs
 */
export function staffStyle(origin: string, query: string): StyleSpecification {
  const base = zoningStyle(origin, initiallyVisible)
  const priority: ExpressionSpecification = [
    'match',
    ['get', 'priority'],
    'urgent',
    PRIORITY_COLOURS.urgent,
    'high',
    PRIORITY_COLOURS.high,
    PRIORITY_COLOURS.normal,
  ]
  const overdue: ExpressionSpecification = ['==', ['get', 'overdue'], true]
  const layers: LayerSpecification[] = [
    {
      id: reportsLayer,
      type: 'circle',
      source: reportsSource,
      'source-layer': reportsSourceLayer,
      paint: {
        'circle-color': priority,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 4, 14, 8],
        'circle-stroke-color': ['case', overdue, OVERDUE_RING, '#ffffff'],
        'circle-stroke-width': ['case', overdue, 3, 1.5],
      },
    },
    {
      id: openReportLayer,
      type: 'circle',
      source: reportsSource,
      'source-layer': reportsSourceLayer,
      filter: ['==', ['get', 'tracking_code'], ''],
      paint: {
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 9, 14, 14],
        'circle-stroke-color': '#111827',
        'circle-stroke-width': 3,
      },
    },
  ]
  return {
    ...base,
    sources: {
      ...base.sources,
      [reportsSource]: { type: 'vector', url: reportsTileJsonUrl(origin, query) },
    },
    layers: [...base.layers, ...layers],
  }
}

/**
 * maplibre's `transformRequest`: the token goes with requests for the staff API on this origin
 * (the reports TileJSON and tiles), and with nothing else, so it never leaves for another
 * server whatever a style names.
 */
export function withStaffToken(
  url: string,
  origin: string,
  token: string | undefined,
): RequestParameters {
  if (token === undefined) return { url }
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return { url }
  }
  if (target.origin !== origin || !target.pathname.startsWith(`${STAFF_API}/`)) return { url }
  return { url, headers: { authorization: `Bearer ${token}` } }
}
