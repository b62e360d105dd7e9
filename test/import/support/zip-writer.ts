// A small zip writer for test fixtures, from PKWARE's APPNOTE.TXT: deflated or stored members,
// names either flagged UTF-8 or written as GBK bytes without the flag, as Chinese Windows writes
// them.

import { crc32, deflateRawSync } from 'node:zlib'
import iconv from 'iconv-lite'

export interface ZipEntry {
  name: string
  data: Buffer | string
  /** The unpacked size the headers state, when not the data's own: an archive that lies. */
  declaredSize?: number
  /** Kept as it is rather than deflated, as Info-ZIP's zip keeps files too small to shrink. */
  stored?: boolean
  /** The CRC-32 the headers state, when not the data's own: a damaged archive. */
  declaredCrc?: number
}

const UTF8_FLAG = 0x800
const STORE = 0
const DEFLATE = 8
// 2024-01-01 00:00 in MS-DOS date and time.
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1
const DOS_TIME = 0

/** Builds a zip archive; `names` says how member names are encoded. */
export function writeZip(entries: ZipEntry[], names: 'utf-8' | 'gbk' = 'utf-8'): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0

  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8')
    const compressed = entry.stored ? data : deflateRawSync(data)
    const method = entry.stored ? STORE : DEFLATE
    const name = names === 'gbk' ? iconv.encode(entry.name, 'gbk') : Buffer.from(entry.name)
    const flags = names === 'utf-8' ? UTF8_FLAG : 0
    const crc = entry.declaredCrc ?? crc32(data)
    const size = entry.declaredSize ?? data.length

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, compressed)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(DOS_TIME, 12)
    central.writeUInt16LE(DOS_DATE, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)

    offset += local.length + name.length + compressed.length
  }

  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
