/**
 * The text with full-width ASCII forms (U+FF01–U+FF5E), which Chinese input methods type in
 * full-width mode, written as ASCII, and the ideographic space as a space: `ＺＨ４３－１` is
 * `ZH43-1`. Other characters are kept as they are. Pure.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
}
