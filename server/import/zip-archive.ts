import { PassThrough, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { crc32, createInflateRaw } from 'node:zlib'
import yauzl from 'yauzl'
import { formatBytes } from '../ops/byte-size.ts'
import { ImportError } from './import-error.ts'

/** One file in a zip archive, read into memory on demand. */
export interface ZipMember {
  /** Path inside the archive with forward slashes, decoded as described at openZip. */
  name: string
  /** Bytes once unpacked, as the archive declares it; reading checks the declaration. */
  size: number
  read(): Promise<Buffer>
}

export interface ZipOptions {
  /**
   * Refuse to unpack a file larger than this, as the archive declares it, before inflating any
   * of it; no limit when undefined. yauzl stops a file that inflates past its declared size, so
   * the declaration bounds the memory a read takes.
   */
  maxMemberBytes?: number
}

export interface ZipArchive {
  /** The archive's files, without folders and without macOS resource forks. */
  members: ZipMember[]
  close(): void
}

const UTF8_FLAG = 0x800
// Names stay raw bytes: yauzl would read unflagged names as CP437, mangling GBK ones.
const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false } as const
const utf8 = new TextDecoder('utf-8', { fatal: true })
const gbk = new TextDecoder('gbk')

/**
 * Opens a zip archive and lists its files. Names flagged as UTF-8, or valid as UTF-8, are read
 * as UTF-8; any other name is read as GBK, the code page Chinese Windows writes zip names in.
 * Throws an ImportError when the file is not a readable zip archive. Close it when done.
 */
export async function openZip(file: string, options: ZipOptions = {}): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, ZIP_OPTIONS, (e, z) => (e ? reject(notAZip(file, e)) : resolve(z)))
  })
  return listMembers(zip, file, options)
}

/**
 * Opens a zip archive held in memory, as openZip does a file; `file` names it in messages.
 */
export async function openZipBuffer(
  bytes: Buffer,
  file: string,
  options: ZipOptions = {},
): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, ZIP_OPTIONS, (e, z) => (e ? reject(notAZip(file, e)) : resolve(z)))
  })
  return listMembers(zip, file, options)
}

async function listMembers(
  zip: yauzl.ZipFile,
  file: string,
  options: ZipOptions,
): Promise<ZipArchive> {
  const entries: yauzl.Entry[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry)
        zip.readEntry()
      })
      zip.on('end', resolve)
      zip.on('error', (error: Error) => reject(notAZip(file, error)))
      zip.readEntry()
    })
  } catch (error) {
    zip.close()
    throw error
  }

  const members = entries
    .map((entry) => ({ entry, name: decodeName(entry) }))
    .filter(({ name }) => !name.endsWith('/') && !isResourceFork(name))
    .map(({ entry, name }) => ({
      name,
      size: entry.uncompressedSize,
      read: () => readEntry(zip, entry, file, name, options),
    }))
  return { members, close: () => zip.close() }
}

function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer
  let name: string
  if (entry.generalPurposeBitFlag & UTF8_FLAG) {
    name = raw.toString('utf8')
  } else {
    try {
      name = utf8.decode(raw)
    } catch {
      name = gbk.decode(raw)
    }
  }
  return name.replace(/\\/g, '/')
}

// Archives made on macOS carry __MACOSX/._name copies of each file's metadata.
const isResourceFork = (name: string) =>
  name.startsWith('__MACOSX/') || name.split('/').pop()!.startsWith('._')

async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  file: string,
  name: string,
  options: ZipOptions,
): Promise<Buffer> {
  if (entry.isEncrypted()) {
    throw new ImportError(`${name} in the zip archive is encrypted; unpack it first.`, { file })
  }
  const limit = options.maxMemberBytes
  if (limit !== undefined && entry.uncompressedSize > limit) {
    const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`
    throw new ImportError(
      `${name} in the zip archive unpacks to ${bytes(entry.uncompressedSize)}, over the limit ` +
        `of ${bytes(limit)} (${formatBytes(limit)}) for one file.`,
      { file },
    )
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    const message =
      `${name} in the zip archive is compressed with method ${entry.compressionMethod}, which ` +
      'cannot be read here; archive it again with the usual (deflate) compression.'
    throw new ImportError(message, { file })
  }
  try {
    return await unpack(zip, entry)
  } catch (error) {
    const message = `${name} in the zip archive cannot be read (${(error as Error).message}).`
    throw new ImportError(message, { file })
  }
}

const STORED = 0
const DEFLATED = 8

/**
 * An entry's bytes, unpacked here rather than by yauzl, held to the size the archive declares
 * and checked against its CRC-32 (yauzl checks neither for us). When unpacking fails part-way
 * (more bytes than declared, or corrupt data), yauzl's reader may still have reads of the
 * archive queued; destroyed then, it throws from one of them where nothing can catch it. So the
 * archive's reader is never destroyed: it is unhooked from the unpacking and runs out to the end
 * of the entry, its compressed bytes read and dropped.
 */
async function unpack(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const deflated = entry.compressionMethod === DEFLATED
  const raw = await new Promise<Readable>((resolve, reject) => {
    const opened = (e: Error | null, stream: Readable) => (e ? reject(e) : resolve(stream))
    // yauzl takes the decompress option for deflated entries only; a stored one (Info-ZIP's
    // zip stores a five-byte .cpg) is read as it is.
    if (deflated) zip.openReadStream(entry, { decompress: false }, opened)
    else zip.openReadStream(entry, opened)
  })
  const unpacking = deflated ? createInflateRaw() : new PassThrough()
  raw.pipe(unpacking)
  const declared = entry.uncompressedSize
  const chunks: Buffer[] = []
  let length = 0
  let crc = 0
  try {
    for await (const chunk of unpacking) {
      length += (chunk as Buffer).length
      if (length > declared) {
        throw new Error(`it unpacks to more than the ${declared} bytes the archive declares`)
      }
      crc = crc32(chunk as Buffer, crc)
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    raw.unpipe(unpacking)
    raw.resume()
    await finished(raw).catch(() => {})
    throw error
  }
  if (length < declared) {
    throw new Error(
      `it unpacks to ${length} bytes, fewer than the ${declared} the archive declares`,
    )
  }
  if (crc !== entry.crc32) {
    throw new Error('its bytes do not match the checksum the archive holds: the file is damaged')
  }
  return Buffer.concat(chunks)
}

function notAZip(file: string, error: Error): ImportError {
  return new ImportError(`The file is not a readable zip archive (${error.message}).`, { file })
}
