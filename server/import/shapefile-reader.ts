import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Feature, Position } from 'geojson'
import { open as openShapefile } from 'shapefile'
import { dbfRecords, deletedRecords, readDbfLayout, type DbfLayout } from './dbf-layout.ts'
import { HOLE_OUTSIDE_SHELL, ImportError } from './import-error.ts'
import { crsFromPrj } from './prj-wkt.ts'
import { lonLatCrs } from './source-crs.ts'
import type { SourceFeatures, SourceOptions } from './source-file.ts'
import { ENCODING_EXAMPLES, encodingHint, parseTextEncoding } from './text-encoding.ts'
import { openZip } from './zip-archive.ts'

/** The files of one Shapefile: geometry, attributes, and the optional CRS and code page. */
interface ShapefileParts {
  shp: Uint8Array
  dbf: Uint8Array | undefined
  prj: string | undefined
  cpg: string | undefined
}

// Bureau files are exported by Chinese Windows desktop GIS, which writes GBK without a .cpg.
const DEFAULT_ENCODING = 'gbk'

/**
 * The most one file of a zip archive may unpack to: far above a bureau's zoning layers, while
 * a small archive of a far larger file (a zip bomb, or a broken export) would otherwise be
 * inflated into memory whole, gigabytes of it, before anything could refuse it.
 */
export const MAX_ZIP_MEMBER_BYTES = 1024 ** 3

/**
 * Reads the Shapefile inside a zip archive, possibly in a folder. With several .shp in the
 * archive, `options.member` picks one by name or path; without it the import fails listing them.
 */
export async function readZippedShapefile(
  file: string,
  options: SourceOptions,
): Promise<SourceFeatures> {
  const zip = await openZip(file, {
    maxMemberBytes: options.maxZipMemberBytes ?? MAX_ZIP_MEMBER_BYTES,
  })
  try {
    const shp = pickShapefile(
      zip.members.map((m) => m.name),
      options.member,
      file,
    )
    const stem = shp.slice(0, -'.shp'.length).toLowerCase()
    const sibling = (extension: string) =>
      zip.members.find((m) => m.name.toLowerCase() === stem + extension)?.read()

    const parts = await readParts(sibling, shp)
    const names = { file: `${file} (${shp})`, source: `${path.basename(file)} (${shp})` }
    return await readShapefile(parts, names, options)
  } finally {
    zip.close()
  }
}

/** Reads a Shapefile from a .shp path with its .dbf, .prj and .cpg beside it. */
export async function readShapefileFiles(
  file: string,
  options: SourceOptions,
): Promise<SourceFeatures> {
  const stem = file.slice(0, -path.extname(file).length)
  const sibling = (extension: string) => readOptional(stem, extension)
  const names = { file, source: path.basename(file) }
  return readShapefile(await readParts(sibling, file), names, options)
}

async function readParts(
  sibling: (extension: string) => Promise<Buffer | undefined> | undefined,
  shpName: string,
): Promise<ShapefileParts> {
  const [shp, dbf, prj, cpg] = await Promise.all(
    ['.shp', '.dbf', '.prj', '.cpg'].map((extension) => sibling(extension)),
  )
  if (!shp) throw new ImportError(`${shpName} cannot be read.`)
  return { shp, dbf, prj: prj?.toString('latin1'), cpg: cpg?.toString('latin1') }
}

async function readOptional(stem: string, extension: string): Promise<Buffer | undefined> {
  // Windows tools write the parts in either case: .DBF beside .shp is common.
  for (const candidate of [stem + extension, stem + extension.toUpperCase()]) {
    try {
      return await readFile(candidate)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return undefined
}

/**
 * The .shp to read among an archive's `names`: the only one, or the one `member` names (its
 * path or file name, with or without .shp). Throws an ImportError listing them otherwise.
 */
export function pickShapefile(names: string[], member: string | undefined, file: string): string {
  const shapefiles = names.filter((name) => name.toLowerCase().endsWith('.shp'))
  if (shapefiles.length === 0) {
    const held = names.length > 0 ? names.join(', ') : 'nothing'
    throw new ImportError(`The zip archive holds no .shp file; it holds ${held}.`, { file })
  }
  if (member === undefined) {
    if (shapefiles.length === 1) return shapefiles[0]!
    const message =
      `The zip archive holds ${shapefiles.length} Shapefiles: ${shapefiles.join(', ')}. ` +
      'Choose one with --member NAME.'
    throw new ImportError(message, { file })
  }

  const wanted = member.toLowerCase().replace(/\.shp$/, '')
  const matches = shapefiles.filter((name) => {
    const stem = name.toLowerCase().slice(0, -'.shp'.length)
    return stem === wanted || stem.split('/').pop() === wanted
  })
  if (matches.length === 1) return matches[0]!
  const problem = matches.length === 0 ? 'names none' : 'names more than one'
  const listed = shapefiles.join(', ')
  const message = `--member ${member} ${problem} of the archive's Shapefiles: ${listed}.`
  throw new ImportError(message, { file })
}

async function readShapefile(
  parts: ShapefileParts,
  names: { file: string; source: string },
  options: SourceOptions,
): Promise<SourceFeatures> {
  const file = names.file
  if (!parts.dbf) {
    throw new ImportError('The Shapefile has no .dbf, so its features have no attributes.', {
      file,
    })
  }
  const encoding = chooseEncoding(parts.cpg, options.encoding, file)
  const prj = parts.prj
  const declaredCrs = () =>
    prj ? { crs: crsFromPrj(prj, file), from: 'named by the .prj' } : undefined

  const layout = readDbfLayout(parts.dbf)
  const deleted = layout ? deletedRecords(parts.dbf, layout) : new Set<number>()
  if (layout) checkDbfText(parts.dbf, layout, deleted, encoding, file)
  const { features, numbers } = await readRecords(
    parts.shp,
    parts.dbf,
    encoding.name,
    file,
    deleted,
  )
  if (features.length === 0 && deleted.size > 0) {
    const message =
      `Every record of the .dbf (${deleted.size}) is marked deleted: the Shapefile holds no ` +
      'features.'
    throw new ImportError(message, { file })
  }

  return {
    ...names,
    features,
    featureNumbers: deleted.size > 0 ? numbers : undefined,
    deletedRecords: deleted.size,
    declaredCrs,
    defaultCrs: { crs: lonLatCrs('EPSG:4326'), from: 'assumed, as the Shapefile has no .prj' },
    encoding,
  }
}

/** Every .shp starts with a header of this many bytes. */
const SHP_HEADER_BYTES = 100

/**
 * The features of a Shapefile, geometry from the .shp and attributes from the .dbf (text in
 * `encoding`), or none without a .dbf. Throws an ImportError naming `file` and how many features
 * were read when the bytes are not a readable Shapefile.
 */
export async function readShapefileFeatures(
  shp: Uint8Array,
  dbf: Uint8Array | undefined,
  encoding: string,
  file: string,
): Promise<Feature[]> {
  return (await readRecords(shp, dbf, encoding, file, new Set())).features
}

/**
 * The features of a Shapefile but those of the `deleted` records (indexes from 0), with the
 * record number of each. The reader pairs the .shp's records with the .dbf's in order, so
 * skipping a record's feature skips both its shape and its attributes.
 */
async function readRecords(
  shp: Uint8Array,
  dbf: Uint8Array | undefined,
  encoding: string,
  file: string,
  deleted: ReadonlySet<number>,
): Promise<{ features: Feature[]; numbers: number[] }> {
  const features: Feature[] = []
  const numbers: number[] = []
  if (shp.length < SHP_HEADER_BYTES) {
    const message =
      `The .shp is ${shp.length} bytes long, shorter than the ${SHP_HEADER_BYTES}-byte header ` +
      'every Shapefile starts with: it is empty or cut short.'
    throw new ImportError(message, { file })
  }
  let index = 0
  try {
    const source = await openShapefile(shp, dbf, { encoding })
    for (let result = await source.read(); !result.done; result = await source.read(), index++) {
      if (deleted.has(index)) continue
      const made = holeMadeLand(result.value)
      if (made) throw new HoleOutsideShellError({ file, feature: index + 1 }, made === 'reversed')
      features.push(result.value)
      numbers.push(index + 1)
    }
  } catch (error) {
    if (error instanceof ImportError) throw error
    // The reader's own faults on bytes it did not expect are JavaScript's words, not a reason.
    const reason =
      error instanceof TypeError || error instanceof RangeError
        ? 'its bytes end early or are no Shapefile records'
        : (error as Error).message
    const message = `The Shapefile cannot be read after ${index} records (${reason}).`
    throw new ImportError(message, { file })
  }
  return { features, numbers }
}

/**
 * A polygon record holding a hole (a counter-clockwise ring) that lies in no outer ring. The
 * admission check tells it apart from a file it cannot read: the file is read, the site is not.
 */
export class HoleOutsideShellError extends ImportError {
  /** `reversed` when the record's rings run the wrong way round (see holeMadeLand). */
  constructor(where: { file: string; feature: number }, reversed = false) {
    super(reversed ? RINGS_REVERSED : HOLE_OUTSIDE_SHELL, where)
    this.name = 'HoleOutsideShellError'
  }
}

const RINGS_REVERSED =
  'The rings run the wrong way round: a counter-clockwise ring holds a clockwise one, as ' +
  'GeoJSON draws an outer ring and its hole, where a Shapefile draws outer rings clockwise and ' +
  'holes counter-clockwise. Export the Shapefile again from a GIS tool, which writes that order.'

/**
 * Whether the reader has made a hole of `feature` into land. A Shapefile tells outer rings
 * (clockwise) from holes (counter-clockwise) only by their direction, and the reader puts each
 * hole into an outer ring containing it; a hole in none it keeps as a polygon of its own, land
 * in place of the gap drawn, and no repair can tell it from an outer ring afterwards. Every ring
 * of the record comes back as it was written, so a polygon led by a counter-clockwise ring is
 * such a hole. A record whose rings all run counter-clockwise has no outer ring to miss: written
 * the wrong way round throughout, its rings are all read as outer rings, as before.
 *
 * 'reversed' when such a hole holds a clockwise ring: an outer ring and its hole drawn the other
 * way round, as GeoJSON orders them, which is the likelier mistake than a hole drawn astray.
 */
function holeMadeLand(feature: Feature): 'hole' | 'reversed' | undefined {
  const geometry = feature.geometry
  // One polygon is an outer ring and the holes inside it, or a lone hole read as land.
  if (geometry?.type !== 'MultiPolygon') return undefined
  const leaders = geometry.coordinates.map((polygon) => polygon[0] ?? [])
  const outers = leaders.filter(runsClockwise)
  const holes = leaders.filter(isHole)
  if (outers.length === 0 || holes.length === 0) return undefined
  const holds = (hole: Position[], ring: Position[]) => ring.every((p) => insideRing(p, hole))
  return holes.some((hole) => outers.some((outer) => holds(hole, outer))) ? 'reversed' : 'hole'
}

/** Whether a position lies inside a ring, by the even-odd rule; on its edge counts either way. */
function insideRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) {
      inside = !inside
    }
  }
  return inside
}

/**
 * Clockwise as the reader decides it, so that the rings judged here are the ones it assembled:
 * the shoelace sum over x and y, zero counted clockwise, and rings of fewer than four positions,
 * which enclose nothing, never clockwise.
 */
function runsClockwise(ring: Position[]): boolean {
  return ring.length >= 4 && shoelace(ring) >= 0
}

/** A ring the reader took for a hole that encloses some area: not one of under four positions. */
function isHole(ring: Position[]): boolean {
  return ring.length >= 4 && shoelace(ring) < 0
}

/** Twice the area `ring` encloses in x and y, positive when it runs clockwise. */
function shoelace(ring: Position[]): number {
  let sum = 0
  for (let i = 0, previous = ring.length - 1; i < ring.length; previous = i++) {
    const [x0, y0] = ring[previous]!
    const [x1, y1] = ring[i]!
    sum += y0! * x1! - x0! * y1!
  }
  return sum
}

/**
 * Checks that the field names and every value of a .dbf are text in `encoding`, as the reader
 * will decode them. The reader decodes as browsers do, writing U+FFFD for bytes that are not
 * text in the encoding, so a GBK .dbf whose .cpg says UTF-8 would load with its names garbled.
 * Throws an ImportError naming the record (as its feature) and field, with the --encoding to
 * try; a .dbf holding fewer records than its header lists, as one cut short does. A .dbf too
 * short for its header is left to the reader, which says it cannot be read.
 */
function checkDbfText(
  dbf: Uint8Array,
  layout: DbfLayout,
  deleted: ReadonlySet<number>,
  encoding: SourceFeatures['encoding'],
  file: string,
) {
  const decoder = new TextDecoder(encoding.name, { fatal: true })
  const given = encoding.from === 'given by --encoding'
  const refuse = (what: string, where: { feature?: number; field?: string } = {}): never => {
    const message =
      `${what} not valid ${encoding.name} text (${encoding.from})` +
      `${encodingHint(encoding.name, given)}.`
    throw new ImportError(message, { file, ...where })
  }
  // A writer that cut a value at the field's width may have cut its last character in two;
  // the reader ends such a value with U+FFFD, and so it is taken. Streaming leaves a cut
  // character at the end undecoded, and the flush that fails on it resets the decoder.
  const decodes = (bytes: Uint8Array) => {
    try {
      decoder.decode(bytes, { stream: true })
    } catch {
      return false
    }
    try {
      decoder.decode()
    } catch {
      // The cut character at the end.
    }
    return true
  }
  const lenient = new TextDecoder(encoding.name)
  const { recordCount, headerLength, recordLength } = layout

  const fields = layout.fields.map((field, i) => {
    if (!decodes(field.nameBytes)) refuse(`The name of the .dbf's field ${i + 1} is`)
    return { ...field, name: lenient.decode(field.nameBytes) }
  })

  if (recordLength === 0) return
  const whole = Math.max(0, Math.floor((dbf.length - headerLength) / recordLength))
  if (whole < recordCount) {
    // The reader would give the missing records' features no attributes at all, and the
    // refusal would name a required attribute as if one row had left it empty.
    throw new ImportError(
      `The .dbf is cut short: its header lists ${recordCount} records, and it holds ` +
        `${whole} whole ones. Copy or export the Shapefile again.`,
      { file },
    )
  }
  // Before the values one by one: UTF-8 read as GBK fails only here and there, where a value's
  // bytes end in half a pair, and would be named as that value's problem.
  refuseUtf8ReadAsGbk(
    dbf.subarray(headerLength, headerLength + recordCount * recordLength),
    encoding,
    file,
  )
  for (const { index, start } of dbfRecords(dbf, layout)) {
    // A deleted record is not read, whatever its bytes.
    if (deleted.has(index)) continue
    for (const field of fields) {
      const bytes = dbf.subarray(start + field.offset, start + field.offset + field.length)
      if (!decodes(bytes)) refuse('The value is', { feature: index + 1, field: field.name })
    }
  }
}

/**
 * UTF-8 Chinese text read as GBK decodes, to the wrong characters: GBK takes most byte pairs.
 * Chinese text in GBK, on the other hand, is almost never valid UTF-8, so a .dbf whose non-ASCII
 * text is all valid UTF-8 was written in UTF-8, whatever the default or a .cpg says. Only the
 * encoding given by --encoding is taken as it is.
 */
function refuseUtf8ReadAsGbk(
  records: Uint8Array,
  encoding: SourceFeatures['encoding'],
  file: string,
) {
  if (!/^(gbk|gb18030|gb2312)$/.test(encoding.name) || encoding.from === 'given by --encoding') {
    return
  }
  if (!records.some((byte) => byte >= 0x80)) return
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(records)
  } catch {
    return
  }
  throw new ImportError(
    `The .dbf's text is UTF-8, not ${encoding.name} (${encoding.from}): read as ` +
      `${encoding.name}, its text would be garbled. Give --encoding utf-8, or a .cpg saying UTF-8.`,
    { file },
  )
}

function chooseEncoding(
  cpg: string | undefined,
  option: string | undefined,
  file: string,
): SourceFeatures['encoding'] {
  if (option) return { name: option, from: 'given by --encoding' }
  if (cpg === undefined) return { name: DEFAULT_ENCODING, from: 'the default without a .cpg' }

  const named = cpg.split(/\r?\n/)[0]!.trim()
  const name = parseTextEncoding(named)
  if (!name) {
    const message =
      `The .cpg names the text encoding "${named}", which is not one the importer knows: ` +
      `give --encoding, such as ${ENCODING_EXAMPLES}.`
    throw new ImportError(message, { file })
  }
  return { name, from: 'named by the .cpg' }
}
