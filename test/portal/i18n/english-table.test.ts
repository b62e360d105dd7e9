import { describe, expect, it } from 'vitest'
import { en } from '../../../portal/src/i18n/en.ts'
import type { Strings } from '../../../portal/src/i18n/strings.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'

/** Han, kana and Hangul, and the ideographic and full-width punctuation Chinese is set with. */
const CJK = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Hang}\u3000-\u303f\uff00-\uffef]/u

/** Entries that quote Chinese on purpose: words a reader has to find or type as written. */
const QUOTES_CHINESE = [
  'about.source.paragraphs.0', // 三线一单, the name of the zoning scheme
  'precheck.fileHint', // 界址点, the heading of the point lists in land survey documents
  'report.channels.1.detail', // the name of the 12369 WeChat account
  'units.search.hint', // places are searched by their Chinese names
]

type AnyFunction = (...args: never[]) => unknown

/** Paths of the functions in a table that take something other than strings. */
type MixedPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends (...args: infer A) => unknown
    ? A extends string[]
      ? never
      : `${P}${K}`
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? MixedPaths<T[K], `${P}${K}.`>
        : never
}[keyof T & string]

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never

/**
 * Arguments for the functions that take more than strings, every branch covered. The type
 * makes a new function of that kind a compile error until it is listed here.
 */
const MIXED_ARGUMENTS: {
  [P in MixedPaths<Strings>]: Parameters<Extract<At<Strings, P>, AnyFunction>>[]
} = {
  'panel.withinDistance': [
    ['#0#', '#1#', '#2#'],
    ['#0#', '#1#', undefined],
  ],
  'units.search.found': [
    ['#0#', true],
    ['#0#', false],
    ['1', false],
  ],
  'check.triggerUnit': [
    ['#0#', '#1#'],
    ['#0#', undefined],
  ],
  'precheck.industryFound': [
    ['#0#', true],
    ['#0#', false],
    ['1', false],
  ],
}

/** Argument lists for a function of strings: markers to find again, and counts for plurals. */
function stringArguments(arity: number): string[][] {
  const indices = Array.from({ length: arity }, (_, i) => i)
  return [indices.map((i) => `#${i}#`), indices.map(() => '1'), indices.map(() => '2,345')]
}

interface Leaf {
  path: string
  text: string
  /** For text a function built: the string arguments it was given. */
  markers?: string[]
}

/** Every string in a table, the functions called with every argument list above. */
function leaves(value: unknown, path: string, into: Leaf[] = [], markers?: string[]): Leaf[] {
  if (typeof value === 'string') {
    into.push({ path, text: value, ...(markers ? { markers } : {}) })
  } else if (typeof value === 'function') {
    const mixed = (MIXED_ARGUMENTS as Record<string, unknown[][]>)[path]
    const argumentLists = mixed ?? stringArguments(value.length)
    argumentLists.forEach((args, n) => {
      const given = args.filter((arg): arg is string => typeof arg === 'string')
      leaves(value(...args), `${path}(${n})`, into, given)
    })
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      leaves(item, path ? `${path}.${key}` : key, into, markers)
    }
  } else {
    into.push({ path, text: String(value) })
  }
  return into
}

const english = leaves(en, '')
const chinese = leaves(zh, '')

/** The entry a leaf belongs to: its path without call numbers and what follows a call. */
const entryOf = (path: string) => path.replace(/\(\d+\).*$/, '')

describe('the English interface table', () => {
  it('is marked as English', () => {
    expect(en.lang).toBe('en')
  })

  it('has exactly the keys of the Chinese table, functions giving the same shapes', () => {
    expect(english.map((leaf) => leaf.path).sort()).toEqual(chinese.map((leaf) => leaf.path).sort())
  })

  it('has no empty text', () => {
    const empty = english.filter((leaf) => leaf.text.trim() === '').map((leaf) => leaf.path)
    expect(empty).toEqual([])
  })

  it('has no Chinese characters or punctuation outside the entries that quote Chinese', () => {
    const quoting = new Set(QUOTES_CHINESE)
    const withChinese = english
      .filter((leaf) => !quoting.has(entryOf(leaf.path)) && CJK.test(leaf.text))
      .map((leaf) => `${leaf.path}: ${leaf.text}`)
    expect(withChinese).toEqual([])
  })

  it('quotes Chinese in each entry listed as quoting it', () => {
    for (const path of QUOTES_CHINESE) {
      const texts = english.filter((leaf) => entryOf(leaf.path) === path)
      expect(texts.length, path).toBeGreaterThan(0)
      expect(
        texts.some((leaf) => CJK.test(leaf.text)),
        path,
      ).toBe(true)
    }
  })

  it('puts into its sentences the same values as the Chinese does', () => {
    const chineseByPath = new Map(chinese.map((leaf) => [leaf.path, leaf]))
    const differing = english
      .filter((leaf) => leaf.markers?.some((marker) => marker.startsWith('#')))
      .flatMap((leaf) => {
        const shown = (text: string) => leaf.markers?.filter((marker) => text.includes(marker))
        const original = chineseByPath.get(leaf.path)?.text ?? ''
        const expected = shown(original)
        const actual = shown(leaf.text)
        return JSON.stringify(actual) === JSON.stringify(expected)
          ? []
          : [`${leaf.path}: ${leaf.text} (the Chinese shows ${expected?.join(', ')})`]
      })
    expect(differing).toEqual([])
  })

  it('keeps every number that appears in a Chinese text', () => {
    const chineseByPath = new Map(chinese.map((leaf) => [leaf.path, leaf.text]))
    const numbers = (text: string) =>
      (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/[.,]$/, ''))
    const missing = english.flatMap((leaf) => {
      const original = chineseByPath.get(leaf.path) ?? ''
      const lost = numbers(original).filter((n) => !leaf.text.includes(n))
      return lost.length > 0 ? [`${leaf.path}: ${lost.join(', ')}`] : []
    })
    expect(missing).toEqual([])
  })
})
