// Characters that make stored text read other than it is. Text from files and forms ends up in
// tiles, check reasons, printed reports and the staff's lists, where a reader cannot see them.

interface CharacterCheck {
  pattern: RegExp
  /** The sentence refusing the character; `at` reads "U+202E at character 3". */
  problem: (at: string) => string
}

const CONTROL: CharacterCheck = {
  pattern: /\p{Cc}/u,
  problem: (at) => `Holds the control character ${at}; write the text on one line, without tabs.`,
}

// Free text keeps its tabs and line breaks.
const CONTROL_BUT_LINES: CharacterCheck = {
  pattern: /(?![\t\n\r])\p{Cc}/u,
  problem: (at) => `Holds the control character ${at}; remove it.`,
}

// Format characters (direction overrides, zero-width spaces), line and paragraph separators,
// and the rest Unicode lets a renderer ignore: nothing shows where they are.
const INVISIBLE: CharacterCheck = {
  pattern: /[\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u,
  problem: (at) =>
    `Holds the invisible character ${at}, which would make the text read other than it is; ` +
    'remove it.',
}

// Overrides, embeddings and isolates reorder the text after them on screen.
const DIRECTION_CONTROL: CharacterCheck = {
  pattern: /[\u202A-\u202E\u2066-\u2069]/u,
  problem: (at) =>
    `Holds the direction control ${at}, which reorders the text after it on screen; remove it.`,
}

// What a decoder leaves for bytes it could not read.
const REPLACEMENT_MARK: CharacterCheck = {
  pattern: /\uFFFD/u,
  problem: (at) =>
    `Holds ${at}, the mark a decoder leaves for bytes it could not read; give the text as it ` +
    'was before it was damaged.',
}

/**
 * Why `text` cannot be a one-line label (a name, a code, a title), or undefined when it can: it
 * holds no control character (line breaks and tabs included), nothing invisible and no U+FFFD.
 * Pure.
 */
export function labelTextProblem(text: string): string | undefined {
  return firstProblem(text, [CONTROL, INVISIBLE, REPLACEMENT_MARK])
}

/**
 * Why `text` cannot be free text (a description, a rule, a note), or undefined when it can: it
 * may hold tabs and line breaks, but no other control character and no direction control; nor
 * U+FFFD, unless `keepMarks` says the reader left such marks on purpose. Pure.
 */
export function freeTextProblem(
  text: string,
  options: { keepMarks?: boolean } = {},
): string | undefined {
  const checks = [CONTROL_BUT_LINES, DIRECTION_CONTROL]
  return firstProblem(text, options.keepMarks ? checks : [...checks, REPLACEMENT_MARK])
}

function firstProblem(text: string, checks: CharacterCheck[]): string | undefined {
  for (const { pattern, problem } of checks) {
    const match = pattern.exec(text)
    if (!match) continue
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    const position = [...text.slice(0, match.index)].length + 1
    return problem(`U+${code} at character ${position}`)
  }
  return undefined
}
