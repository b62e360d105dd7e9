import { kml } from '@tmcw/togeojson'
import { DOMParser, type Document, type Node } from '@xmldom/xmldom'
import type { Geometry } from 'geojson'
import { unprocessable } from '../../http/http-error.ts'
import { closeRings, combineGeometries, type RawSite, type SiteRepair } from './raw-site.ts'

/**
 * Reads a site from KML text: the geometries of its Placemarks (Point, LineString, Polygon with
 * inner rings, MultiGeometry), read by @tmcw/togeojson; several polygons become a
 * MultiPolygon. KML coordinates are longitude,latitude[,altitude] (altitude dropped), WGS84 by
 * the standard, or GCJ-02 when a Chinese map app wrote them and `crs` says so. Rings left open
 * are closed and reported. Throws a 422 KML_INVALID naming the problem.
 */
export function readKmlSite(text: string, field: string): RawSite {
  const fail = (message: string): never => {
    throw unprocessable('KML_INVALID', `${field} is not usable KML: ${message}.`, field)
  }

  let document
  try {
    const parser = new DOMParser({
      onError(level, message) {
        // Entities the document does not define, unclosed tags and the like end the parse.
        if (level !== 'warning') throw new Error(message)
      },
    })
    document = parser.parseFromString(text, 'text/xml')
  } catch (error) {
    // xmldom wraps the parser's words: Reporting fatalError "unclosed xml tag(s): kml" caused…
    const text = String((error as Error).message).split('\n')[0]!
    const reason = (/^Reporting \w+ "([^"]*)"/.exec(text)?.[1] ?? text).slice(0, 160)
    return fail(`it is not well-formed XML (${reason})`)
  }
  const root = document.documentElement
  if (!root || root.localName !== 'kml') {
    return fail(`its root element is <${root?.nodeName ?? 'none'}>, not <kml>`)
  }

  // @tmcw/togeojson walks MultiGeometry by recursion: thousands of levels overflow the stack.
  const depth = nestingDepth(document)
  if (depth > MAX_KML_DEPTH) {
    return fail(`its elements nest ${depth} deep; a site's KML nests at most ${MAX_KML_DEPTH}`)
  }
  // @tmcw/togeojson splits a LineString's or ring's positions at every space, so "112.6, 26.9"
  // would come apart; a Point's it reads with its spaces removed. Written as it means.
  for (const coordinates of Array.from(document.getElementsByTagName('coordinates'))) {
    coordinates.textContent = (coordinates.textContent ?? '').replace(/\s*,\s*/g, ',')
  }
  const crowded = pointsWithSeveralPositions(document)
  if (crowded > 0) {
    return fail(
      `Point ${crowded} holds more than one longitude,latitude position; give one Point per ` +
        'position, or a LineString or Polygon',
    )
  }

  // The converter makes a link to other KML a feature without a geometry, which would be
  // named as an unreadable Placemark.
  const placemarks = document.getElementsByTagName('Placemark').length
  if (placemarks === 0 && document.getElementsByTagName('NetworkLink').length > 0) {
    return fail(
      'it only links to other KML (NetworkLink), which is not fetched; save the site itself ' +
        'as a Placemark in the file',
    )
  }
  const features = kml(document).features
  const unread = features.findIndex((feature) => !feature.geometry)
  if (unread >= 0) {
    const name = features[unread]!.properties?.name
    const which = typeof name === 'string' ? ` ("${name.slice(0, 40)}")` : ''
    return fail(
      `Placemark ${unread + 1}${which} has no geometry that can be read; coordinates are ` +
        'longitude,latitude[,altitude] tuples separated by spaces',
    )
  }
  if (features.length === 0) return fail('it holds no Placemark with a geometry')

  const geometries = features.map((feature) => feature.geometry as Geometry)
  const geometry = combineGeometries(geometries, (why) => fail(`it is no single site: ${why}`))
  const repairs = [...unclosedRings(document), ...closeRings(geometry, (message) => fail(message))]
  return { format: 'kml', field, geometry, systems: 'lonlat', repairs }
}

/** Far deeper than any KML a map app or GIS writes (Document, Folders, MultiGeometry). */
const MAX_KML_DEPTH = 100

/** How deep the document's elements nest, counted without recursion. */
function nestingDepth(document: Document): number {
  let deepest = 0
  const pending: [Node, number][] = [[document, 0]]
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!
    deepest = Math.max(deepest, depth)
    if (deepest > MAX_KML_DEPTH) return deepest
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.ELEMENT_NODE) pending.push([child, depth + 1])
    }
  }
  return deepest
}

/**
 * The number (from 1) of the first Point whose coordinates hold several positions, or 0. A
 * Point takes one; @tmcw/togeojson would read the numbers of several as one position anyway,
 * and so check a place that was never sent.
 */
function pointsWithSeveralPositions(document: Document): number {
  const points = Array.from(document.getElementsByTagName('Point'))
  const crowded = points.findIndex((point) => {
    const text = point.getElementsByTagName('coordinates')[0]?.textContent ?? ''
    return positionCount(text) > 1
  })
  return crowded + 1
}

/**
 * The positions in the text of a KML `coordinates`: tuples apart by spaces, their numbers by
 * commas, which spaces may surround.
 */
function positionCount(text: string): number {
  const tuples = text.trim().replace(/\s*,\s*/g, ',')
  return tuples.split(/\s+/).length
}

/** The LinearRings left open in the document, which @tmcw/togeojson closes as it reads them. */
function unclosedRings(document: Document): SiteRepair[] {
  const rings = Array.from(document.getElementsByTagName('LinearRing'))
  const open = rings.filter((ring) => {
    const text = ring.getElementsByTagName('coordinates')[0]?.textContent ?? ''
    const tuples = text.trim().split(/\s+/)
    const [first, last] = [tuples[0], tuples[tuples.length - 1]].map((tuple) =>
      (tuple ?? '').split(',').slice(0, 2).map(Number).join(','),
    )
    return tuples.length > 2 && first !== last
  })
  if (open.length === 0) return []
  const which = open.length === 1 ? 'a LinearRing' : `${open.length} LinearRings`
  return [
    {
      kind: 'closed-ring',
      message: `Closed ${which} whose last point did not repeat the first.`,
    },
  ]
}
