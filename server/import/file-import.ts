import type { Database, Queryable } from '../db/database.ts'
import { readLayers, type Layer } from '../tiles/layer-catalog.ts'
import { ACCESS_LISTS } from './access-list-import.ts'
import { cutTextOf, toFeatureRows, unreadFields, type CutText } from './feature-rows.ts'
import { reprojectRows } from './geometry-reproject.ts'
import { DATASET_LAYER } from './import-arguments.ts'
import { ImportError, UnknownLayerError } from './import-error.ts'
import { replaceLayer, type LayerImportResult } from './layer-import.ts'
import { assertNearDistricts } from './layer-placement.ts'
import { findRefusedFeature, isDataRefusal } from './refused-feature.ts'
import type { ChosenCrs, SourceCrs } from './source-crs.ts'
import { readSourceFile, type SourceFeatures, type SourceOptions } from './source-file.ts'
import {
  parksWithoutUnit,
  rulesWithoutUnit,
  rulesWithoutZone,
  unitsWithoutDistrict,
  type DanglingReferences,
} from './unit-references.ts'

export interface FileImportOptions extends SourceOptions {
  file: string
  /** Name of a catalogue layer. */
  layer: string
  /** The CRS of the file's coordinates, overriding what the file declares. */
  crs?: SourceCrs
  /** Called as the layer is about to be committed, when nothing can fail but the commit. */
  beforeCommit?: () => void
}

export interface FileImportResult extends LayerImportResult {
  /** The file, and the archive member read, as messages name them. */
  file: string
  crs: ChosenCrs
  encoding: SourceFeatures['encoding']
  /** The records of a Shapefile marked deleted in its .dbf, skipped as GIS tools skip them. */
  deletedRecords: number
  /** Text values whose last character a .dbf field too narrow cut in two (see cutTextOf). */
  cutText?: CutText
  /** The file's fields that no attribute of the layer reads, left out (see unreadFields), and
   * the attributes the layer has, which read their own names and the catalogue's aliases. */
  unreadFields: string[]
  attributes: string[]
  /** After a control_units import: the rules naming units it lacks, kept though they apply
   * nowhere (the access list is imported on its own). */
  rulesWithoutUnit?: DanglingReferences
  /** After a control_units or districts import, while districts has features: the units whose
   * district code matches none. */
  unitsWithoutDistrict?: DanglingReferences
  /** After a control_units or industrial_parks import: the parks whose unit code names none. */
  parksWithoutUnit?: DanglingReferences
  /** After a zone layer's import: its zone rules that no zone of it now matches. */
  rulesWithoutZone?: DanglingReferences
}

/**
 * Replaces a layer's features with those of a GeoJSON file or a Shapefile (see readSourceFile),
 * converting coordinates to WGS84 longitude/latitude from the given CRS, else the one the file
 * declares, else longitude/latitude. A Shapefile's records marked deleted are skipped, and the
 * others keep their record numbers as feature numbers in messages. The features are checked
 * before the one transaction that replaces the layer, and where they lie inside it (see
 * assertNearDistricts); any ImportError it throws names the file, feature and field, and means
 * the database has not changed.
 */
export async function importFile(
  db: Database,
  options: FileImportOptions,
): Promise<FileImportResult> {
  const layer = await findLayer(db, options.layer)

  const source = await readSourceFile(options.file, options)
  const crs = options.crs
    ? { crs: options.crs, from: `given by --crs${overruledCrs(source, options.crs)}` }
    : (source.declaredCrs() ?? source.defaultCrs)
  const featureRows = toFeatureRows(layer, source.features, source.file, source.featureNumbers)
  const rows = reprojectRows(featureRows, crs, source.file)

  try {
    const result = await db.transaction(async (tx) => {
      const replaced = await replaceLayer(tx, layer, rows, source.source)
      await assertNearDistricts(tx, layer, crs)
      const references = await danglingReferences(tx, layer)
      options.beforeCommit?.()
      return { ...replaced, ...references }
    })
    const deletedRecords = source.deletedRecords ?? 0
    const cutText = cutTextOf(rows)
    const unread = unreadFields(layer, source.features)
    const read = { file: source.file, crs, encoding: source.encoding, deletedRecords }
    const fields = { unreadFields: unread, attributes: layer.attributes.map((a) => a.name) }
    return { ...result, ...read, ...fields, ...(cutText ? { cutText } : {}) }
  } catch (error) {
    if (error instanceof ImportError) {
      const { feature, field } = error
      throw new ImportError(error.message, { file: source.file, feature, field })
    }
    if (isDataRefusal(error)) {
      const refused = await findRefusedFeature(db, layer, rows, source.file)
      throw refused ?? new ImportError(`The database refused the features: ${error.message}.`)
    }
    throw error
  }
}

/**
 * ", over …" naming the system the file itself declares when --crs says another, for the
 * report and refusals to show; empty when they agree, or the file declares none or one the
 * importer cannot read (--crs is how such a file is read).
 */
function overruledCrs(source: SourceFeatures, given: SourceCrs): string {
  let declared: ChosenCrs | undefined
  try {
    declared = source.declaredCrs()
  } catch (error) {
    if (error instanceof ImportError) return ''
    throw error
  }
  return declared && declared.crs.name !== given.name
    ? `, over ${declared.crs.name} ${declared.from}`
    : ''
}

/**
 * What the layer just loaded leaves referring to nothing: rules and parks naming a unit it
 * lacks, units naming a district it lacks, zone rules matching none of its zones. Listed, not
 * refused: either side may be loaded first.
 */
async function danglingReferences(
  tx: Queryable,
  layer: Layer,
): Promise<
  Pick<
    FileImportResult,
    'rulesWithoutUnit' | 'unitsWithoutDistrict' | 'parksWithoutUnit' | 'rulesWithoutZone'
  >
> {
  const zones = layer.role === 'zone' ? { rulesWithoutZone: await rulesWithoutZone(tx, layer) } : {}
  if (layer.name === 'control_units') {
    return {
      rulesWithoutUnit: await rulesWithoutUnit(tx),
      unitsWithoutDistrict: await unitsWithoutDistrict(tx),
      parksWithoutUnit: await parksWithoutUnit(tx),
    }
  }
  if (layer.name === 'districts') return { unitsWithoutDistrict: await unitsWithoutDistrict(tx) }
  if (layer.name === 'industrial_parks') {
    return { ...zones, parksWithoutUnit: await parksWithoutUnit(tx) }
  }
  return zones
}

/** The named layer; throws an UnknownLayerError listing the catalogue when there is none. */
export async function findLayer(db: Database, name: string): Promise<Layer> {
  const layers = await readLayers(db)
  const layer = layers.find((l) => l.name === name)
  if (layer) return layer
  const names = [...layers.map((l) => l.name), ...ACCESS_LISTS, DATASET_LAYER].join(', ')
  throw new UnknownLayerError(`There is no layer named ${name}; the layers are ${names}.`)
}
