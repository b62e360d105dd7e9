import type { Strings } from './strings.ts'
import { zh } from './zh.ts'

export type { Strings } from './strings.ts'

/** Languages the interface is written in; English is the next table to add. */
export type Locale = 'zh-CN'

export const defaultLocale: Locale = 'zh-CN'

const tables: Record<Locale, Strings> = { 'zh-CN': zh }

/** The interface text for a locale, the default locale when none is given. */
export function stringsFor(locale: Locale = defaultLocale): Strings {
  return tables[locale]
}
