import { readFile } from 'node:fs/promises'
import { findDuplicateKey, repeatedKeyMessage } from '../http/duplicate-keys.ts'
import { ImportError, type ImportPlace } from './import-error.ts'

/**
 * The JSON value of `file`, read as UTF-8 (a byte-order mark, as Windows editors write, is
 * skipped). Throws an ImportError naming the file for a file that is missing, unreadable, not
 * UTF-8 (a GBK file would otherwise be stored as mojibake) or not JSON, and naming the field for
 * a key given twice in one object, which JSON.parse would settle silently by keeping the last.
 * In a file that is an array, `item` says what its items are, as the place names them.
 */
export async function readJsonFile(file: string, item?: ImportPlace['item']): Promise<unknown> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT' ? 'The file does not exist.' : `The file cannot be read (${code}).`
    throw new ImportError(message, { file })
  }

  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError('The file is not valid UTF-8 text; save it as UTF-8.', { file })
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ImportError(`The file is not valid JSON (${(error as Error).message}).`, { file })
  }
  const repeated = findDuplicateKey(text)
  if (repeated) {
    // In a file that is an array of items (rules, industries), the item is numbered as the
    // other messages number it, from 1, and the field named within it.
    const inArray = /^\[(\d+)\]\.?(.*)$/.exec(repeated)
    if (!inArray) throw new ImportError(repeatedKeyMessage(repeated), { file, field: repeated })
    const [feature, field] = [Number(inArray[1]) + 1, inArray[2]!]
    throw new ImportError(repeatedKeyMessage(field), { file, item, feature, field })
  }
  return json
}
