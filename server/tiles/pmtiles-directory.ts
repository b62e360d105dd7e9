import { gzipSync } from 'node:zlib'

/**
 * One entry of a PMTiles v3 directory. With `runLength` ≥ 1 it points at tile data, repeated
 * for that many consecutive tile ids; with 0 it points at a leaf directory whose first entry has
 * this `tileId`. Offsets are bytes from the start of the tile data or leaf directory section.
 */
export interface DirectoryEntry {
  tileId: number
  offset: number
  length: number
  runLength: number
}

export interface Directories {
  /** The root directory, gzip-compressed. */
  root: Buffer
  /** The leaf directories one after the other, gzip-compressed each; empty when none. */
  leaves: Buffer
}

/** How many entries a leaf directory holds at first; doubled until the root fits. */
const FIRST_LEAF_SIZE = 4096

/**
 * Appends `value`, a whole number from 0 to 2^53, as an unsigned little-endian base-128 varint:
 * seven bits a byte, the high bit set on every byte but the last.
 */
export function writeVarint(value: number, out: number[]) {
  let rest = value
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80)
    rest = Math.floor(rest / 0x80)
  }
  out.push(rest)
}

/**
 * A directory in the v3 layout, before compression: the entry count, then the tile ids as
 * differences from the previous one, the run lengths, the lengths, and the offsets, each as
 * varints; an offset that follows on from the previous entry's data is written as 0, any other
 * as offset + 1. Entries must be in ascending tile id order; a directory must not be empty.
 */
export function serializeDirectory(entries: DirectoryEntry[]): Buffer {
  const out: number[] = []
  writeVarint(entries.length, out)

  let lastId = 0
  for (const entry of entries) {
    writeVarint(entry.tileId - lastId, out)
    lastId = entry.tileId
  }
  for (const entry of entries) writeVarint(entry.runLength, out)
  for (const entry of entries) writeVarint(entry.length, out)
  for (const [i, entry] of entries.entries()) {
    const previous = entries[i - 1]
    const follows = previous && entry.offset === previous.offset + previous.length
    writeVarint(follows ? 0 : entry.offset + 1, out)
  }
  return Buffer.from(out)
}

/**
 * The root directory, and leaf directories when the entries do not fit in `maxRootBytes`
 * compressed: then the entries are split into leaves of 4,096 entries, doubled until the root
 * pointing at them fits. `entries` must be non-empty and in ascending tile id order.
 */
export function buildDirectories(
  entries: DirectoryEntry[],
  maxRootBytes: number,
  firstLeafSize = FIRST_LEAF_SIZE,
): Directories {
  const whole = compressDirectory(entries)
  if (whole.length <= maxRootBytes) return { root: whole, leaves: Buffer.alloc(0) }

  for (let leafSize = firstLeafSize; ; leafSize *= 2) {
    const leaves: Buffer[] = []
    const pointers: DirectoryEntry[] = []
    let offset = 0
    for (let start = 0; start < entries.length; start += leafSize) {
      const chunk = entries.slice(start, start + leafSize)
      const leaf = compressDirectory(chunk)
      pointers.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 })
      leaves.push(leaf)
      offset += leaf.length
    }
    const root = compressDirectory(pointers)
    // One pointer always fits, so the loop ends at the latest when a single leaf holds all.
    if (root.length <= maxRootBytes || pointers.length === 1) {
      return { root, leaves: Buffer.concat(leaves) }
    }
  }
}

function compressDirectory(entries: DirectoryEntry[]): Buffer {
  return gzipSync(serializeDirectory(entries))
}
