/** Han characters, and what Chinese text holds besides them. */
const HAN = /\p{Script=Han}/u
const LATIN = /\p{Script=Latin}/u

/**
 * Marks the Chinese text of the data in an English page as Chinese (`lang="zh"`), so that a
 * screen reader does not read a unit's name or a rule's text with an English voice: every
 * element under `root` holding text of its own that has Han characters and no Latin letters,
 * and no language of its own yet. Text mixing both (an English label and a name) is left as
 * it is, as marking it would mislabel the English. Does nothing on a Chinese page.
 */
export function markChineseData(root: HTMLElement): void {
  if (!document.documentElement.lang.toLowerCase().startsWith('en')) return
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.lang || element.closest('[lang]') !== document.documentElement) continue
    const own = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
    if (HAN.test(own) && !LATIN.test(own)) element.lang = 'zh'
  }
}
