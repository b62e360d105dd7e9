import pg from 'pg'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'

/**
 * Reads a layer's features as GeoJSON in lon/lat, with the table id as the feature id and only
 * the catalogue's public attributes as properties.
 */
export async function readLayerFeatures(db: Queryable, layer: Layer): Promise<FeatureCollection> {
  const columns = layer.attributes.map((attribute) => pg.escapeIdentifier(attribute.name))
  const rows = await db.query<Record<string, unknown> & { id: number; geometry: Geometry }>(
    `SELECT id, ST_AsGeoJSON(geom, 7)::json AS geometry${columns.map((c) => `, ${c}`).join('')}
       FROM ${pg.escapeIdentifier(layer.tableName)} ORDER BY id`,
  )

  const features = rows.map((row): Feature => {
    const properties: Record<string, unknown> = {}
    for (const attribute of layer.attributes) {
      const value = row[attribute.name]
      if (value !== null && value !== undefined) properties[attribute.name] = value
    }
    return { type: 'Feature', id: row.id, geometry: row.geometry, properties }
  })
  return { type: 'FeatureCollection', features }
}
