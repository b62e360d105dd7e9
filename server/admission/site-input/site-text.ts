const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The text of an uploaded file: as its byte-order mark says (UTF-8, UTF-16), else UTF-8 when
 * the bytes are valid UTF-8, else GB18030, the superset of the GBK that Chinese Windows tools
 * write survey lists and KML in. Never throws: GB18030 decodes any bytes.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return utf8.decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
