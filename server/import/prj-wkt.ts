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
 * Reads the CRS of a Shapefile's .prj (WKT 1, in the ESRI or the OGC dialect, or WKT 2 as GDAL 3
 * and PROJ write it) when it is one the
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
  const form = FORMS[keyword]
  if (!form) return unknown(`${root.keyword} is not a GEOGCS, PROJCS, GEOGCRS or PROJCRS`)
  const { wkt2, projected } = form
  const geographic = projected ? child(root, wkt2 ? 'BASEGEOGCRS' : 'GEOGCS') : root
  const datum = datumOf(geographic)
  if (!datum) return unknown('its datum is neither CGCS2000 nor WGS84')
  if (numberOf(geographic && child(geographic, 'PRIMEM')) !== 0) {
    return unknown('its prime meridian is not Greenwich')
  }
  // WKT 2 gives each angle its unit, the prime meridian's among them.
  const angleUnit = wkt2
    ? geographic && descendant(geographic, 'ANGLEUNIT')
    : geographic && child(geographic, 'UNIT')
  if (!near(numberOf(angleUnit), DEGREE)) return unknown('its angles are not in degrees')
  if (!projected) return lonLatCrs(datum === 'cgcs2000' ? 'EPSG:4490' : 'EPSG:4326')

  if (datum !== 'cgcs2000') return unknown('only CGCS2000 projections are converted')
  const conversion = wkt2 ? child(root, 'CONVERSION') : root
  const method = normalise(String(child(conversion, wkt2 ? 'METHOD' : 'PROJECTION')?.values[0]))
  if (method !== 'gausskruger' && method !== 'transversemercator') {
    return unknown('its projection is not Gauss-Kruger (transverse Mercator)')
  }
  if (!lengthUnits(root, wkt2).every((unit) => near(numberOf(unit), 1))) {
    return unknown('its lengths are not in metres')
  }

  // WKT 1 names the parameters as ESRI or OGC do, WKT 2 as the EPSG registry does.
  const parameters = conversion ? parametersOf(conversion) : new Map<string, number>()
  const parameter = (...names: string[]) =>
    names.map((name) => parameters.get(name)).find((value) => value !== undefined)
  const centralMeridian = parameter(
    'centralmeridian',
    'longitudeoforigin',
    'longitudeofnaturalorigin',
  )
  if (centralMeridian === undefined) return unknown('it has no central meridian')
  const falseEasting = parameters.get('falseeasting') ?? 0
  if ((parameter('scalefactor', 'scalefactoratnaturalorigin') ?? 1) !== 1) {
    return unknown('its scale factor is not 1')
  }
  if ((parameter('latitudeoforigin', 'latitudeofnaturalorigin') ?? 0) !== 0) {
    return unknown('its latitude of origin is not 0')
  }
  if ((parameters.get('falsenorthing') ?? 0) !== 0) return unknown('its false northing is not 0')

  return gaussKrugerCrs(gaussKruger(centralMeridian, falseEasting, zoneWidthOf(root)))
}

/** The root keywords read, by dialect: WKT 1, and WKT 2 in its short and long spellings. */
const FORMS: Record<string, { wkt2: boolean; projected: boolean } | undefined> = {
  GEOGCS: { wkt2: false, projected: false },
  PROJCS: { wkt2: false, projected: true },
  GEOGCRS: { wkt2: true, projected: false },
  GEOGRAPHICCRS: { wkt2: true, projected: false },
  PROJCRS: { wkt2: true, projected: true },
  PROJECTEDCRS: { wkt2: true, projected: true },
}

/**
 * The length units of a projected system's coordinates: WKT 1's one UNIT, or WKT 2's on the
 * axes and the coordinate system (not the ellipsoid's, which is always metres); none is none.
 */
function lengthUnits(root: WktNode, wkt2: boolean): (WktNode | undefined)[] {
  if (!wkt2) return [child(root, 'UNIT')]
  const axes = root.values.filter(
    (v): v is WktNode => typeof v === 'object' && v.keyword.toUpperCase() === 'AXIS',
  )
  const units = [child(root, 'LENGTHUNIT'), ...axes.map((axis) => child(axis, 'LENGTHUNIT'))]
  const given = units.filter((unit) => unit !== undefined)
  return given.length > 0 ? given : [undefined]
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
  // WKT 2 names WGS 84 as an ensemble of its realisations.
  const datum = geographic && (child(geographic, 'DATUM') ?? child(geographic, 'ENSEMBLE'))
  const name = normalise(String(datum?.values[0] ?? ''))
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

function child(node: WktNode | undefined, keyword: string): WktNode | undefined {
  return node?.values.find(
    (v): v is WktNode => typeof v === 'object' && v.keyword.toUpperCase() === keyword,
  )
}

/** The first node of the keyword at any depth below `node`, depth first. */
function descendant(node: WktNode, keyword: string): WktNode | undefined {
  for (const value of node.values) {
    if (typeof value !== 'object') continue
    if (value.keyword.toUpperCase() === keyword) return value
    const found = descendant(value, keyword)
    if (found) return found
  }
  return undefined
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
