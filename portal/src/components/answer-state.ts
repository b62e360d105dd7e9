import { fillField, textItem } from '../check/check-render.ts'
import type { Section } from '../i18n/strings.ts'

/** A page's words for an answer it could not read. */
export interface FailedTexts {
  failedHeading: string
  errorNetwork: string
  errorServer: string
}

/** The message for an answer that could not be read, through the network or from the server. */
export function failedMessage(reason: 'network' | 'server', texts: FailedTexts): Section {
  return {
    heading: texts.failedHeading,
    paragraphs: [reason === 'network' ? texts.errorNetwork : texts.errorServer],
  }
}

/** Shows the loading line of the page element `root`, which holds an AnswerState. */
export function startLoading(root: HTMLElement): void {
  root.querySelector<HTMLElement>('[data-loading]')?.removeAttribute('hidden')
}

/**
 * Ends the loading of the page element `root`, which holds an AnswerState: removes the loading
 * line and records in `data-state` what reading the answer came to (`found`, or why not).
 */
export function settleState(root: HTMLElement, state: string): void {
  root.querySelector('[data-loading]')?.remove()
  root.dataset.state = state
}

/** Opens the message box of the AnswerState under `root` with the section's words, as text. */
export function showMessage(root: HTMLElement, section: Section): void {
  const box = root.querySelector<HTMLElement>('[data-message]')
  if (!box) return

  fillField(box, 'message-heading', section.heading)
  const paragraphs = box.querySelector('[data-slot="message"]')
  for (const text of section.paragraphs) paragraphs?.append(textItem(root, 'paragraph', text))
  box.hidden = false
}
