import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Feature } from 'geojson'
import { open as openShapefile } from 'shapefile'
import { ImportError } from './import-error.ts'
import { crsFromPrj } from './prj-wkt.ts'
import { lonLatCrs } from './source-crs.ts'
import type { SourceFeatures, SourceOptions } from './source-file.ts'
import { ENCODING_EXAMPLES, parseTextEncoding } from './text-encoding.ts'
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
 * Reads the Shapefile inside a zip archive, possibly in a folder. With several .shp in the
 * archive, `options.member` picks one by name or path; without it the import fails listing them.
 */
export async function readZippedShapefile(
  file: string,
  options: SourceOptions,
): Promise<SourceFeatures> {
  const zip = await openZip(file)
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

  const features = await readShapefileFeatures(parts.shp, parts.dbf, encoding.name, file)

  return {
    ...names,
    features,
    declaredCrs,
    defaultCrs: { crs: lonLatCrs('EPSG:4326'), from: 'assumed, as the Shapefile has no .prj' },
    encoding,
  }
}

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
  const features: Feature[] = []
  try {
    const source = await openShapefile(shp, dbf, { encoding })
    for (let result = await source.read(); !result.done; result = await source.read()) {
      features.push(result.value)
    }
  } catch (error) {
    const reason = (error as Error).message
    const message = `The Shapefile cannot be read after ${features.length} features (${reason}).`
    throw new ImportError(message, { file })
  }
  return features
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
