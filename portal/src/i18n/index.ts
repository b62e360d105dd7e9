import { en } from './en.ts'
import type { Strings } from './strings.ts'
import { zh } from './zh.ts'

export type { Strings } from './strings.ts'

/** Languages the interface is written in. */
export type Locale = 'zh-CN' | 'en'

export const defaultLocale: Locale = 'zh-CN'

const tables: Record<Locale, Strings> = { 'zh-CN': zh, en }

/** The interface text for a locale, the default locale when none is given. */
export function stringsFor(locale: Locale = defaultLocale): Strings {
  return tables[locale]
}
