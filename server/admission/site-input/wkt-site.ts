import type { Position } from 'geojson'
import type { SiteGeometry } from '../../geo/geojson-geometry.ts'
import { describeValue } from '../../http/describe-value.ts'
import { unprocessable } from '../../http/http-error.ts'
import { parseSourceCrs } from '../../import/source-crs.ts'
import { closeRings, type RawSite } from './raw-site.ts'

const TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOLYGON'] as const
type WktType = (typeof TYPES)[number]

interface Token {
  kind: 'word' | 'number' | 'mark'
  text: string
  /** Character offset in the text, 1-based, for messages. */
  at: number
}

const TOKEN = /\s*(?:([A-Za-z]+)|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([(),;])|(\S))/y

/**
 * Reads a site from WKT or EWKT text: a POINT, LINESTRING, POLYGON or MULTIPOLYGON, keywords in
 * any case, with or without Z, M or ZM (only x and y are kept), after an optional `SRID=n;`
 * naming the system. Rings left open are closed and reported. Throws a 422 WKT_INVALID that
 * names the character where the text stops making sense and what was expected there.
 */
export function readWktSite(text: string, field: string): RawSite {
  const fail = (message: string): never => {
    throw unprocessable('WKT_INVALID', `${field} is not valid WKT: ${message}.`, field)
  }

  const srid = /^\s*SRID\s*=\s*([^;]*);/i.exec(text)
  const body = srid ? text.slice(srid[0].length) : text
  const offset = srid ? srid[0].length : 0
  const declared = srid ? sridCrs(srid[1]!.trim(), field) : undefined

  const tokens = tokenize(body, offset, fail)
  let next = 0
  const peek = () => tokens[next]
  const describe = (token: Token | undefined) =>
    token ? `"${token.text}" at character ${token.at}` : 'the end of the text'
  const expect = (mark: string) => {
    const token = tokens[next]
    if (token?.text !== mark) fail(`expected "${mark}" but found ${describe(token)}`)
    next++
  }

  const head = tokens[next++]
  const match = head?.kind === 'word' ? /^([A-Z]+?)(ZM|Z|M)?$/i.exec(head.text) : null
  const type = match?.[1]?.toUpperCase() as WktType | undefined
  if (!type || !(TYPES as readonly string[]).includes(type)) {
    const got = head ? describeValue(head.text) : 'nothing'
    return fail(`a site is a ${TYPES.join(', ')}, got ${got}`)
  }
  let dimensions = match?.[2]?.toUpperCase()
  if (!dimensions && /^(ZM|Z|M)$/i.test(peek()?.text ?? '')) {
    dimensions = tokens[next++]!.text.toUpperCase()
  }
  if (peek()?.text.toUpperCase() === 'EMPTY') fail(`${type} EMPTY holds no site`)
  const ordinates = dimensions === 'ZM' ? [4] : dimensions ? [3] : [2, 3, 4]

  const position = (): Position => {
    const numbers: number[] = []
    while (peek()?.kind === 'number') numbers.push(Number(tokens[next++]!.text))
    if (!ordinates.includes(numbers.length)) {
      const wanted = ordinates.length === 1 ? `${ordinates[0]}` : '2 or 3'
      fail(
        `expected a position of ${wanted} numbers but found ${numbers.length} before ` +
          describe(peek()),
      )
    }
    return [numbers[0]!, numbers[1]!]
  }
  const list = <T>(item: () => T): T[] => {
    expect('(')
    const items = [item()]
    while (peek()?.text === ',') {
      next++
      items.push(item())
    }
    expect(')')
    return items
  }

  let geometry: SiteGeometry
  switch (type) {
    case 'POINT':
      expect('(')
      geometry = { type: 'Point', coordinates: position() }
      expect(')')
      break
    case 'LINESTRING':
      geometry = { type: 'LineString', coordinates: list(position) }
      if (geometry.coordinates.length < 2) fail('a LINESTRING needs at least 2 positions')
      break
    case 'POLYGON':
      geometry = { type: 'Polygon', coordinates: list(() => list(position)) }
      break
    case 'MULTIPOLYGON':
      geometry = { type: 'MultiPolygon', coordinates: list(() => list(() => list(position))) }
      break
  }
  if (peek()?.text === ';') next++
  if (next < tokens.length) fail(`the text goes on after the ${type} with ${describe(peek())}`)

  const repairs = closeRings(geometry, (message) => fail(message))
  return { format: 'wkt', field, geometry, declared, systems: 'any', repairs }
}

function tokenize(text: string, offset: number, fail: (message: string) => never): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex
    const match = TOKEN.exec(text)
    if (!match) break
    const [whole, word, number, mark, other] = match
    const at = offset + start + whole.length - (word ?? number ?? mark ?? other ?? '').length + 1
    if (other !== undefined) fail(`unexpected "${other}" at character ${at}`)
    if (word !== undefined) tokens.push({ kind: 'word', text: word, at })
    if (number !== undefined) tokens.push({ kind: 'number', text: number, at })
    if (mark !== undefined) tokens.push({ kind: 'mark', text: mark, at })
  }
  return tokens
}

function sridCrs(srid: string, field: string) {
  const crs = /^\d+$/.test(srid) ? parseSourceCrs(`EPSG:${srid}`) : undefined
  if (!crs) {
    throw unprocessable(
      'CRS_UNSUPPORTED',
      `${field} names SRID=${srid.slice(0, 20)}, which is not converted here; EWKT sites may ` +
        'name 4326, 4490, or a CGCS2000 Gauss-Kruger code 4491–4554.',
      field,
    )
  }
  return { crs, from: `named by the WKT's SRID=${srid}` }
}
