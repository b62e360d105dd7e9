import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import type { Database } from '../../../server/db/database.ts'
import { projectWithPostgis } from './import-database.ts'
import { writeShapefile, type DbfField, type Ring, type ShapeRecord } from './shapefile-writer.ts'
import type { ZipEntry } from './zip-writer.ts'

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import')
export const fixture = (name: string) => path.join(FIXTURES, name)

export interface WaterSource {
  name: string
  source_name: string
  level: string
  /** CGCS2000 longitude/latitude, as MultiPolygon coordinates. */
  polygons: Position[][][]
}

/** The three water-source zones of water-sources.geojson: the expected values of every test. */
export function waterSources(): WaterSource[] {
  const collection = JSON.parse(
    readFileSync(fixture('water-sources.geojson'), 'utf8'),
  ) as FeatureCollection<Polygon | MultiPolygon, Omit<WaterSource, 'polygons'>>
  return collection.features.map((feature) => ({
    ...feature.properties,
    polygons:
      feature.geometry.type === 'Polygon'
        ? [feature.geometry.coordinates]
        : feature.geometry.coordinates,
  }))
}

// Bureau field names are Chinese: the catalogue's aliases for name, source_name and level.
const CHINESE_FIELDS = ['名称', '水源地', '级别', '序号']
// A GeoJSON saved as a Shapefile by QGIS or ogr2ogr: dBase names end at 10 characters.
const CUT_FIELDS = ['name', 'source_nam', 'level', 'fid']

const fieldsNamed = (names: string[]): DbfField[] =>
  names.map((name, i) => ({ name, type: i === 3 ? 'N' : 'C', length: [60, 40, 10, 4][i]! }))

/** Shoelace sum: positive for a counter-clockwise ring in x/y. */
const signedArea = (ring: Position[]) =>
  ring.reduce((sum, [x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length]!
    return sum + x! * ny! - nx! * y!
  }, 0)

/** Orders rings as Shapefiles want them: outer rings clockwise, holes counter-clockwise. */
function shapefileRings(polygons: Position[][][]): Ring[] {
  return polygons.flatMap((polygon) =>
    polygon.map((ring, i) => {
      const clockwise = signedArea(ring) < 0
      const wanted = i === 0
      const ordered = clockwise === wanted ? ring : [...ring].reverse()
      return ordered.map(([x, y]) => [x!, y!] as [number, number])
    }),
  )
}

export interface ShapefileOptions {
  /** EPSG code to project to with PostGIS; 4490 keeps longitude/latitude. */
  srid: number
  /** Path of the .shp inside the archive, without .shp. */
  stem: string
  encoding: string
  prj?: string
  cpg?: string
  /** Replaces the shape of the record at this index with a null shape. */
  nullShapeAt?: number
  /**
   * Writes a record marked deleted before the water source at each of these indexes (the
   * count of them for after the last): a square of its own, with a level no layer takes.
   */
  deletedBefore?: number[]
  /** The .dbf's field names: the bureau's Chinese ones, or the layer's cut to 10 characters. */
  fieldNames?: 'chinese' | 'cut'
}

/**
 * A clockwise square of its own for the deleted record before index `i`, in longitude/latitude
 * or in zone-38 eastings and northings: if it were read, the layer would gain it.
 */
function deletedSquare(i: number, lonLat: boolean): Ring {
  const [x, y, d] = lonLat ? [112.8 + i / 10, 27, 0.01] : [38_500_000 + i * 1000, 2_990_000, 500]
  return [
    [x, y],
    [x, y + d],
    [x + d, y + d],
    [x + d, y],
    [x, y],
  ]
}

/** The water sources as the files of one Shapefile, projected by PostGIS. */
export async function waterSourceShapefile(
  db: Database,
  options: ShapefileOptions,
): Promise<ZipEntry[]> {
  const names = options.fieldNames === 'cut' ? CUT_FIELDS : CHINESE_FIELDS
  const records = await Promise.all(
    waterSources().map(async (source, i) => {
      const projected =
        options.srid === 4490
          ? source.polygons
          : await projectWithPostgis(db, source.polygons, options.srid)
      const shape: ShapeRecord =
        i === options.nullShapeAt
          ? { type: 'null' }
          : { type: 'polygon', rings: shapefileRings(projected) }
      const values = [source.name, source.source_name, source.level, i + 1]
      const attributes = Object.fromEntries(names.map((name, j) => [name, values[j]!]))
      return { shape, attributes }
    }),
  )
  const deleted = (i: number) => ({
    shape: { type: 'polygon' as const, rings: [deletedSquare(i, options.srid === 4490)] },
    attributes: Object.fromEntries(
      names.map((name, j) => [name, ['已删除', '已删除', '作废', 0][j]!]),
    ),
    deleted: true,
  })
  const written = [...records, undefined].flatMap((record, i) => [
    ...(options.deletedBefore ?? []).filter((at) => at === i).map(() => deleted(i)),
    ...(record ? [record] : []),
  ])
  const fields = fieldsNamed(names)
  const { shp, shx, dbf } = writeShapefile({
    records: written,
    fields,
    encoding: options.encoding,
  })

  const entries: ZipEntry[] = [
    { name: `${options.stem}.shp`, data: shp },
    { name: `${options.stem}.shx`, data: shx },
    { name: `${options.stem}.dbf`, data: dbf },
  ]
  if (options.prj) entries.push({ name: `${options.stem}.prj`, data: options.prj })
  if (options.cpg) entries.push({ name: `${options.stem}.cpg`, data: options.cpg })
  return entries
}
