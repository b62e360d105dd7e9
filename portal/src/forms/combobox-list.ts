/** The words a combobox's status line says, in the page's language. */
export interface ComboboxTexts {
  /** While a search runs. */
  searching: string
  /** When a search failed. */
  failed: string
  /** When nothing matches the text, which comes trimmed. */
  none: (text: string) => string
  /** When `count` options are listed; `more` when more match than were listed. */
  found: (count: string, more: boolean) => string
}

/**
 * What the status line says once the search for `text` listed `count` options: nothing for an
 * empty or blank text, which was not searched for.
 */
export function listedStatus(
  texts: ComboboxTexts,
  text: string,
  count: number,
  more: boolean,
): string {
  if (text.trim() === '') return ''
  if (count === 0) return texts.none(text.trim())
  return texts.found(String(count), more)
}

/**
 * The option a key moves the highlight to in a list of `count` options, from `current`
 * (undefined when none is highlighted): down and up step and wrap around. Home and End stay
 * with the text box, as in a text field. Undefined for an empty list or any other key.
 */
export function movedOption(
  current: number | undefined,
  count: number,
  key: string,
): number | undefined {
  if (count === 0) return undefined
  switch (key) {
    case 'ArrowDown':
      return current === undefined ? 0 : (current + 1) % count
    case 'ArrowUp':
      return current === undefined ? count - 1 : (current - 1 + count) % count
    default:
      return undefined
  }
}
