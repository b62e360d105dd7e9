import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Feature } from 'geojson'
import { readGeoJsonFile } from './geojson-reader.ts'
import { ImportError } from './import-error.ts'
import { readShapefileFiles, readZippedShapefile } from './shapefile-reader.ts'
import type { ChosenCrs } from './source-crs.ts'

export interface SourceOptions {
  /** WHATWG name of the attribute text encoding, overriding the file's own (parseTextEncoding). */
  encoding?: string
  /** Which Shapefile of a zip archive holding several to read. */
  member?: string
  /** The most a file in a zip archive may unpack to; MAX_ZIP_MEMBER_BYTES unless given. */
  maxZipMemberBytes?: number
}

/** The features of a source file, as read: coordinates still in the file's own CRS. */
export interface SourceFeatures {
  /** The file, and the member of an archive, as error messages name them. */
  file: string
  /** The same without folders, as the layer's public provenance records it. */
  source: string
  features: Feature[]
  /**
   * The number of each feature in the file, as messages name it, where it is not its place
   * among `features`: a Shapefile's record number, counting the deleted records before it.
   */
  featureNumbers?: number[]
  /** The records of a Shapefile's .dbf marked deleted, which were skipped. */
  deletedRecords?: number
  /**
   * The CRS the file declares (.prj or GeoJSON crs member), undefined when it declares none.
   * Throws an ImportError when the declaration names a system the importer does not convert;
   * it is called only when no CRS is given, so a wrong declaration can be overridden.
   */
  declaredCrs: () => ChosenCrs | undefined
  /** The CRS taken when the file declares none. */
  defaultCrs: ChosenCrs
  encoding: { name: string; from: string }
}

export const SOURCE_KINDS = '.geojson, .json, a zipped Shapefile (.zip) or a .shp'

const READERS: Record<string, (file: string, options: SourceOptions) => Promise<SourceFeatures>> = {
  '.geojson': readGeoJsonFile,
  '.json': readGeoJsonFile,
  '.zip': readZippedShapefile,
  '.shp': readShapefileFiles,
}

/**
 * Reads a GeoJSON file (.geojson, .json), a zipped Shapefile (.zip) or a Shapefile's .shp with
 * its sibling files. Throws an ImportError naming the file when it is missing, unreadable or of
 * another kind; nothing is written anywhere.
 */
export async function readSourceFile(
  file: string,
  options: SourceOptions = {},
): Promise<SourceFeatures> {
  await checkReadable(file)
  const extension = path.extname(file).toLowerCase()
  const read = READERS[extension]
  if (!read) {
    const kind = extension ? `${extension} files` : 'Files without an extension'
    throw new ImportError(`${kind} are not imported; give ${SOURCE_KINDS}.`, { file })
  }
  try {
    return await read(file, options)
  } catch (error) {
    throw asImportError(error, file)
  }
}

async function checkReadable(file: string) {
  try {
    if ((await stat(file)).isDirectory()) {
      throw new ImportError('This is a folder; give a file.', { file })
    }
  } catch (error) {
    throw asImportError(error, file)
  }
}

/** The error with the file named, as an ImportError when it is about the file; else as is. */
function asImportError(error: unknown, file: string): unknown {
  if (error instanceof ImportError) {
    if (error.file) return error
    return new ImportError(error.message, { file, feature: error.feature, field: error.field })
  }
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new ImportError('The file does not exist.', { file })
  if (code === 'EACCES' || code === 'EPERM') {
    return new ImportError('The file cannot be read: permission denied.', { file })
  }
  if (code === 'EISDIR') return new ImportError('This is a folder; give a file.', { file })
  if (code) return new ImportError(`The file cannot be read (${code}).`, { file })
  return error
}
