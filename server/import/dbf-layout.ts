// dBASE III layout: record count, header and record length in the header, then 32-byte field
// descriptors (name in 11 bytes, NUL-padded; length at byte 16) up to a 0x0d byte. Each record
// starts with its deletion flag: a space, or `*` for a record deleted and not yet packed away.
const DESCRIPTORS_AT = 32
const DESCRIPTOR_BYTES = 32
const NAME_BYTES = 11
const DESCRIPTORS_END = 0x0d
const END_OF_FILE = 0x1a
const DELETED = 0x2a

export interface DbfField {
  /** The name's bytes, in the .dbf's encoding, without the NUL padding. */
  nameBytes: Uint8Array
  /** Where the value starts in a record, after the deletion flag. */
  offset: number
  length: number
}

export interface DbfLayout {
  /** How many records the header lists. */
  recordCount: number
  headerLength: number
  recordLength: number
  fields: DbfField[]
}

/** The header of a .dbf; undefined for one too short to hold it. */
export function readDbfLayout(dbf: Uint8Array): DbfLayout | undefined {
  if (dbf.length < DESCRIPTORS_AT) return undefined
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength)
  const fields: DbfField[] = []
  let offset = 1 // after each record's deletion flag
  for (
    let at = DESCRIPTORS_AT;
    at + DESCRIPTOR_BYTES <= dbf.length && dbf[at] !== DESCRIPTORS_END;
    at += DESCRIPTOR_BYTES
  ) {
    const name = dbf.subarray(at, at + NAME_BYTES)
    const nul = name.indexOf(0)
    const length = dbf[at + 16]!
    fields.push({ nameBytes: nul === -1 ? name : name.subarray(0, nul), offset, length })
    offset += length
  }
  return {
    recordCount: view.getUint32(4, true),
    headerLength: view.getUint16(8, true),
    recordLength: view.getUint16(10, true),
    fields,
  }
}

/**
 * Where each record the header lists starts, up to the end-of-file mark or the end of the
 * bytes, with whether it is marked deleted.
 */
export function* dbfRecords(
  dbf: Uint8Array,
  layout: DbfLayout,
): Generator<{ index: number; start: number; deleted: boolean }> {
  const { recordCount, headerLength, recordLength } = layout
  if (recordLength === 0) return
  for (let index = 0; index < recordCount; index++) {
    const start = headerLength + index * recordLength
    if (start >= dbf.length || dbf[start] === END_OF_FILE) return
    yield { index, start, deleted: dbf[start] === DELETED }
  }
}

/**
 * The records marked deleted, by index from 0. dBase marks a record deleted in place and drops
 * it only when the table is packed; GDAL and QGIS read such a record as gone, with its
 * shape in the .shp at the same place.
 */
export function deletedRecords(dbf: Uint8Array, layout: DbfLayout): Set<number> {
  const deleted = new Set<number>()
  for (const record of dbfRecords(dbf, layout)) if (record.deleted) deleted.add(record.index)
  return deleted
}
