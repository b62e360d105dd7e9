import { gaussKruger } from './gauss-kruger.ts'
import { ImportError } from './import-error.ts'
import { gaussKrugerCrs, lonLatCrs, type SourceCrs } from './source-crs.ts'

/** A WKT node: KEYWORD["name", value, CHILD[...], ...]. */
interface WktNode {
  keyword: string
  values: (string | number | WktNode)[]
}

const DEGREE = Math.PI / 180

/**
 * Reads the CRS of a Shapefile's .prj (WKT 1, in the ESRI or the OGC dialect) when it is one the
 * importer converts: CGCS2000 or WGS84 longitude/latitude in degrees, or a CGCS2000 Gauss-Krüger
 * (transverse Mercator) projection in metres with scale 1, latitude of origin 0 and false
 * northing 0. Throws an ImportError naming the system for anything else, such as Xian 1980 or
 * Beijing 1954, which need a datum shift the importer does not make.
 */
export function crsFromPrj(wkt: string, file: string): SourceCrs {
  const root = parseWkt(wkt)
  const name = root && typeof root.values[0] === 'string' ? root.values[0] : undefined
  const unknown = (why: string): never => {
    const what = name ? `"${name}"` : 'a coordinate system'
    throw new ImportError(
      `The .prj describes ${what}, which the importer does not convert: ${why}. ` +
        'Reproject the file to CGCS2000, or give --crs if the .prj is wrong.',
      { file },
    )
  }
  if (!root) return unknown('its text is not WKT')

  const keyword = root.keyword.toUpperCase()
  if (keyword !== 'GEOGCS' && keyword !== 'PROJCS') {
    return unknown(`${root.keyword} is not a WKT 1 GEOGCS or PROJCS`)
  }
  const geographic = keyword === 'GEOGCS' ? root : child(root, 'GEOGCS')
  const datum = datumOf(geographic)
  if (!datum) return unknown('its datum is neither CGCS2000 nor WGS84')
  if (numberOf(geographic && child(geographic, 'PRIMEM')) !== 0) {
    return unknown('its prime meridian is not Greenwich')
  }
  if (!near(numberOf(geographic && child(geographic, 'UNIT')), DEGREE)) {
    return unknown('its angles are not in degrees')
  }
  if (keyword === 'GEOGCS') return lonLatCrs(datum === 'cgcs2000' ? 'EPSG:4490' : 'EPSG:4326')

  if (datum !== 'cgcs2000') return unknown('only CGCS2000 projections are converted')
  const method = normalise(String(child(root, 'PROJECTION')?.values[0] ?? ''))
  if (method !== 'gausskruger' && method !== 'transversemercator') {
    return unknown('its projection is not Gauss-Kruger (transverse Mercator)')
  }
  if (!near(numberOf(child(root, 'UNIT')), 1)) return unknown('its lengths are not in metres')

  const parameters = parametersOf(root)
  const centralMeridian = parameters.get('centralmeridian') ?? parameters.get('longitudeoforigin')
  if (centralMeridian === undefined) return unknown('it has no central meridian')
  const falseEasting = parameters.get('falseeasting') ?? 0
  if ((parameters.get('scalefactor') ?? 1) !== 1) return unknown('its scale factor is not 1')
  if ((parameters.get('latitudeoforigin') ?? 0) !== 0) {
    return unknown('its latitude of origin is not 0')
  }
  if ((parameters.get('falsenorthing') ?? 0) !== 0) return unknown('its false northing is not 0')

  return gaussKrugerCrs(gaussKruger(centralMeridian, falseEasting, zoneWidthOf(root)))
}

/**
 * The zone width a projection's name gives: 3 for CGCS2000_3_Degree_GK_CM_114E or "3-degree
 * Gauss-Kruger", 6 for CGCS2000_GK_CM_111E or "Gauss-Kruger CM 111E", as ArcGIS and the EPSG
 * registry name them; undefined for a name that says neither.
 */
function zoneWidthOf(root: WktNode): 3 | 6 | undefined {
  const name = String(root.values[0] ?? '')
  if (/3[\s_-]*degree/i.test(name)) return 3
  if (/\bGK\b|_GK_|Gauss/i.test(name)) return 6
  return undefined
}

function datumOf(geographic: WktNode | undefined): 'cgcs2000' | 'wgs84' | undefined {
  const name = normalise(String((geographic && child(geographic, 'DATUM'))?.values[0] ?? ''))
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(name)) return 'cgcs2000'
  if (/wgs1984|wgs84|worldgeodeticsystem1984/.test(name)) return 'wgs84'
  return undefined
}

function parametersOf(node: WktNode): Map<string, number> {
  const parameters = new Map<string, number>()
  for (const value of node.values) {
    if (typeof value === 'object' && value.keyword.toUpperCase() === 'PARAMETER') {
      const [name, number] = value.values
      if (typeof name === 'string' && typeof number === 'number') {
        parameters.set(normalise(name), number)
      }
    }
  }
  return parameters
}

function child(node: WktNode, keyword: string): WktNode | undefined {
  return node.values.find(
    (v): v is WktNode => typeof v === 'object' && v.keyword.toUpperCase() === keyword,
  )
}

/** The node's first number: PRIMEM["Greenwich", 0] or UNIT["Degree", 0.0174…]. */
function numberOf(node: WktNode | undefined): number | undefined {
  return node?.values.find((v): v is number => typeof v === 'number')
}

const near = (value: number | undefined, expected: number) =>
  value !== undefined && Math.abs(value - expected) <= expected * 1e-9

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Parses WKT 1 into its node tree; undefined when the text is not well-formed WKT. */
function parseWkt(text: string): WktNode | undefined {
  const tokens = text.match(
    /"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|[-+]?[\d.]+(?:[eE][-+]?\d+)?|\S/g,
  )
  if (!tokens) return undefined
  let at = 0

  const node = (): WktNode | undefined => {
    const keyword = tokens[at++]
    const open = tokens[at++]
    if (!keyword || !/^[A-Za-z_]/.test(keyword) || (open !== '[' && open !== '(')) return undefined
    const values: WktNode['values'] = []
    for (;;) {
      const token = tokens[at]
      if (token === undefined) return undefined
      if (token.startsWith('"')) {
        values.push(token.slice(1, -1).replace(/""/g, '"'))
        at++
      } else if (/^[-+]?[\d.]/.test(token)) {
        values.push(Number(token))
        at++
      } else if (/^[A-Za-z_]/.test(token)) {
        // Bare words such as AXIS["X", EAST] are values unless a bracket follows.
        if (tokens[at + 1] === '[' || tokens[at + 1] === '(') {
          const inner = node()
          if (!inner) return undefined
          values.push(inner)
        } else {
          values.push(token)
          at++
        }
      } else {
        return undefined
      }

      const separator = tokens[at++]
      if (separator === ']' || separator === ')') return { keyword, values }
      if (separator !== ',') return undefined
    }
  }

  const root = node()
  return root && at === tokens.length ? root : undefined
}
