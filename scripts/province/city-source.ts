import { readAdminBoundaries, type AdminArea } from '../admin-boundaries.ts'

/** A prefecture-level city of Hunan; its adcode is 43xx00. */
export type City = AdminArea

/** The 14 cities of Hunan from the GCJ-02 boundary file, in WGS84, sorted by adcode. */
export function readCities(path: string): City[] {
  return readAdminBoundaries(path, 14, 'cities of Hunan')
}
