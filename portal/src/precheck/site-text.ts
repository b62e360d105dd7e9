/** The API field a typed site goes in. */
export type SiteTextField = 'geometry' | 'wkt' | 'kml' | 'boundaryPoints'

/**
 * What a typed or pasted site came to: the field and text to send, nothing when it is empty, or
 * `unrecognised` when it is none of the forms the check reads.
 */
export type SiteText =
  | { kind: 'site'; field: SiteTextField; value: string }
  | { kind: 'empty' }
  | { kind: 'unrecognised' }

/** The land-administration exchange file opens with one of its bracketed sections. */
const SURVEY_SECTION = /^[[【]\s*(属性描述|地块坐标)/
const WKT_START = /^(SRID\s*=|(MULTI)?(POINT|LINESTRING|POLYGON)\b|GEOMETRYCOLLECTION\b)/i
const NUMBER = /-?\d+(?:\.\d+)?/g

/**
 * Reads a site typed into the form. GeoJSON, KML, WKT (or EWKT) and the boundary-point exchange
 * file go to the API as they are, told apart by how they start. Positions in degrees, one
 * "longitude, latitude" pair per line or separated by semicolons as web maps copy them, become
 * WKT: one pair a POINT, two a LINESTRING, three or more a POLYGON, closed here when the last
 * pair does not repeat the first. Anything else with numbers in it is left to the API as
 * boundary points (界址点), which are in metres. The order of longitude and latitude is kept:
 * the API refuses pairs it finds swapped.
 */
export function readSiteText(text: string): SiteText {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'empty' }

  if (SURVEY_SECTION.test(trimmed)) return site('boundaryPoints', trimmed)
  if (/^[{[]/.test(trimmed)) return site('geometry', trimmed)
  if (trimmed.startsWith('<')) return site('kml', trimmed)
  if (WKT_START.test(trimmed)) return site('wkt', trimmed)

  const pairs = degreePairs(trimmed)
  if (pairs) return site('wkt', pairsToWkt(pairs))
  if (/\d+(\.\d+)?\s*[,，\s]\s*\d/.test(trimmed)) return site('boundaryPoints', trimmed)
  return { kind: 'unrecognised' }
}

function site(field: SiteTextField, value: string): SiteText {
  return { kind: 'site', field, value }
}

/** The pairs, when every line (or `;` part) holds exactly two numbers within ±180. */
function degreePairs(text: string): [string, string][] | undefined {
  const parts = text
    .split(/[\n;；]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')

  const pairs: [string, string][] = []
  for (const part of parts) {
    const numbers = part.match(NUMBER) ?? []
    const rest = part.replace(NUMBER, '').replace(/[\s,，、]/g, '')
    if (numbers.length !== 2 || rest !== '') return undefined
    if (numbers.some((number) => Math.abs(Number(number)) > 180)) return undefined
    pairs.push([numbers[0]!, numbers[1]!])
  }
  return pairs.length > 0 ? pairs : undefined
}

function pairsToWkt(pairs: [string, string][]): string {
  const text = (list: [string, string][]) => list.map(([x, y]) => `${x} ${y}`).join(', ')
  if (pairs.length === 1) return `POINT (${text(pairs)})`
  if (pairs.length === 2) return `LINESTRING (${text(pairs)})`

  const [first, last] = [pairs[0]!, pairs.at(-1)!]
  const closed = first[0] === last[0] && first[1] === last[1] ? pairs : [...pairs, first]
  return closed.length < 4 ? `LINESTRING (${text(pairs)})` : `POLYGON ((${text(closed)}))`
}
