import { localePath, otherLocale, splitLocalePath } from './index.ts'

/**
 * The same address in another language: the path under that language's prefix, the query and
 * the fragment kept, e.g. `/en/check/?id=…` for `/check/?id=…`.
 */
export function addressIn(locale: string, pathname: string, search = '', hash = ''): string {
  return localePath(splitLocalePath(pathname).path, locale) + search + hash
}

/**
 * Points the header's language link and the head's alternate links at the address the page is
 * showing now rather than the one it was built at: a unit page is built once for every unit,
 * and pages keep their state in the query and the fragment, which may change while reading.
 */
export function followAddress(doc: Document = document): void {
  const update = () => {
    const { pathname, search, hash } = doc.location
    const links = doc.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>(
      'a[data-language-switch], link[rel="alternate"][hreflang]',
    )
    for (const link of links) {
      const locale = link.hreflang || otherLocale(doc.documentElement.lang)
      // The fragment is where the reader is on the page, which only the link takes along.
      link.href = addressIn(locale, pathname, search, link instanceof HTMLAnchorElement ? hash : '')
    }
  }
  update()
  // Scripts change the address as the reader goes (a chosen report, a looked-up place).
  doc.addEventListener('click', update, { capture: true })
  doc.addEventListener('focusin', update)
  globalThis.addEventListener('hashchange', update)
  globalThis.addEventListener('popstate', update)
}
