import { en } from './en.ts'
import type { Strings } from './strings.ts'
import { zh } from './zh.ts'

export type { Strings } from './strings.ts'

/** Languages the interface is written in. */
export type Locale = 'zh-CN' | 'en'

export const defaultLocale: Locale = 'zh-CN'

/** Every locale, the default first; the others live under `/{locale}/`. */
export const locales: readonly Locale[] = ['zh-CN', 'en']

const tables: Record<Locale, Strings> = { 'zh-CN': zh, en }

/**
 * The locale a language tag names, the default locale for anything else. Without a tag, in the
 * browser, the page's own `lang` says it, so client scripts follow the page they run on.
 */
export function localeOf(tag?: string): Locale {
  const given = tag ?? globalThis.document?.documentElement.lang
  return given === 'en' || given?.startsWith('en-') ? 'en' : defaultLocale
}

/** The interface text for a locale, read as `localeOf` reads it. */
export function stringsFor(locale?: string): Strings {
  return tables[localeOf(locale)]
}

/**
 * A path of the portal in a locale: `/en/precheck/` for `/precheck/` in English, the path as
 * it is in the default locale. Takes a path in the default locale, query and hash included.
 */
export function localePath(path: string, locale?: string): string {
  const target = localeOf(locale)
  return target === defaultLocale ? path : `/${target}${path}`
}

/**
 * A portal path stripped of its locale prefix, with the locale that prefix names: `/en/units/`
 * is `/units/` in English. Paths without a prefix are in the default locale.
 */
export function splitLocalePath(path: string): { locale: Locale; path: string } {
  const match = /^\/(en)(\/.*)?$/.exec(path)
  if (!match) return { locale: defaultLocale, path }
  return { locale: 'en', path: match[2] ?? '/' }
}

/** Each language named in itself, as a reader of it looks for it. */
export const languageNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }

/** The language a page offers to switch to: the only other one. */
export function otherLocale(locale?: string): Locale {
  return localeOf(locale) === 'en' ? defaultLocale : 'en'
}
