import { readAdminBoundaries, type AdminArea } from '../admin-boundaries.ts'

export type District = AdminArea

/** The 12 districts of Hengyang from the GCJ-02 boundary file, in WGS84, sorted by adcode. */
export function readDistricts(path: string): District[] {
  return readAdminBoundaries(path, 12, 'districts of Hengyang')
}
