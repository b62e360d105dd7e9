import { describe, expect, it } from 'vitest'
import {
  listedStatus,
  movedOption,
  type ComboboxTexts,
} from '../../../portal/src/forms/combobox-list.ts'

/** Words that show which of them was said, and with what. */
const texts: ComboboxTexts = {
  searching: 'searching',
  failed: 'failed',
  none: (text) => `none of ${text}`,
  found: (count, more) => `${count} found${more ? ', more' : ''}`,
}

describe('listedStatus', () => {
  it('counts the options listed and says when more match', () => {
    expect(listedStatus(texts, '化学', 3, false)).toBe('3 found')
    expect(listedStatus(texts, '化学', 20, true)).toBe('20 found, more')
  })

  it('says that nothing matches the trimmed text', () => {
    expect(listedStatus(texts, '  衡阳 ', 0, false)).toBe('none of 衡阳')
  })

  it('says nothing for a blank text, which was not searched for', () => {
    expect(listedStatus(texts, '', 0, false)).toBe('')
    expect(listedStatus(texts, ' \t', 0, false)).toBe('')
  })
})

describe('movedOption', () => {
  it('steps down and up and wraps around', () => {
    expect(movedOption(undefined, 3, 'ArrowDown')).toBe(0)
    expect(movedOption(2, 3, 'ArrowDown')).toBe(0)
    expect(movedOption(undefined, 3, 'ArrowUp')).toBe(2)
    expect(movedOption(0, 3, 'ArrowUp')).toBe(2)
    expect(movedOption(1, 3, 'ArrowUp')).toBe(0)
  })

  it('moves nowhere in an empty list or for other keys', () => {
    expect(movedOption(undefined, 0, 'ArrowDown')).toBeUndefined()
    expect(movedOption(1, 3, 'Home')).toBeUndefined()
  })
})
