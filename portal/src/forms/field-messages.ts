/**
 * The parts every form of the portal shares for saying what is wrong: a message beside each
 * control, tied to it for screen readers, and a summary whose links move the focus there.
 */

/** Only form controls and groups of radio buttons take `aria-invalid`. */
function invalidable(element: HTMLElement): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement ||
    element.getAttribute('role') === 'radiogroup'
  )
}

function describedBy(element: HTMLElement, id: string, on: boolean): void {
  const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean))
  if (on) ids.add(id)
  else ids.delete(id)
  if (ids.size > 0) element.setAttribute('aria-describedby', [...ids].join(' '))
  else element.removeAttribute('aria-describedby')
}

/** Marks the controls invalid, where they can be, and has them described by the message slot. */
export function tieToMessage(controls: Iterable<HTMLElement>, slot: HTMLElement): void {
  for (const control of controls) {
    if (invalidable(control)) control.setAttribute('aria-invalid', 'true')
    describedBy(control, slot.id, true)
  }
}

/** Empties and hides the slot, and unties every control under `root` it described. */
export function clearMessageSlot(root: ParentNode, slot: HTMLElement): void {
  slot.hidden = true
  slot.replaceChildren()
  for (const control of root.querySelectorAll<HTMLElement>(`[aria-describedby~="${slot.id}"]`)) {
    control.removeAttribute('aria-invalid')
    describedBy(control, slot.id, false)
  }
}

/**
 * The API's own message, in English, under the form's.
 *
 * @param lead the words that introduce it, in the page's language
 */
export function detailLine(lead: string, detail: string): HTMLElement {
  const line = document.createElement('span')
  const message = document.createElement('span')
  line.className = 'detail'
  message.lang = 'en'
  message.textContent = detail
  // A colon in English wants a space after it; a full-width one in Chinese carries its own.
  line.append(lead, /[!-~]$/.test(lead) ? ' ' : '', message)
  return line
}

/** A summary entry: a link that focuses the control when it has an id, else plain text. */
export function summaryItem(
  text: string,
  target: HTMLElement | undefined,
  detail?: HTMLElement,
): HTMLLIElement {
  const item = document.createElement('li')
  if (target?.id) {
    const link = document.createElement('a')
    link.href = `#${target.id}`
    link.textContent = text
    link.addEventListener('click', (event) => {
      event.preventDefault()
      target.focus()
    })
    item.append(link)
  } else {
    item.textContent = text
  }
  if (detail) item.append(detail)
  return item
}

/**
 * Fills the form's error summary with the items, under `heading` when given (else the page's),
 * shows it and moves the focus to it.
 */
export function showErrorSummary(form: ParentNode, items: HTMLLIElement[], heading?: string): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]')
  const list = summary?.querySelector('[data-error-list]')
  if (!summary || !list) return

  // The page's heading asks for corrections; a failed sending asks for none, and says so.
  const said = summary.querySelector<HTMLElement>('[data-error-heading]')
  if (said) {
    said.dataset.asServed ??= said.textContent ?? ''
    said.textContent = heading ?? said.dataset.asServed
  }
  list.replaceChildren(...items)
  summary.hidden = false
  summary.focus()
}

export function hideErrorSummary(form: ParentNode): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]')
  if (summary) summary.hidden = true
}

/**
 * Runs a form's sending once at a time: a second press while one is on its way does nothing.
 * The submit row's button is disabled and the form marked busy meanwhile; `work` writes its
 * steps to the row's progress line, which is emptied afterwards.
 */
export function sendingOnce(
  form: HTMLElement,
  work: (progress: HTMLElement | null) => Promise<void>,
): () => Promise<void> {
  let sending = false
  return async () => {
    if (sending) return
    sending = true
    const button = form.querySelector<HTMLButtonElement>('[data-submit]')
    const progress = form.querySelector<HTMLElement>('[data-progress]')
    if (button) button.disabled = true
    try {
      await work(progress)
    } finally {
      sending = false
      if (button) button.disabled = false
      if (progress) progress.textContent = ''
      form.removeAttribute('aria-busy')
    }
  }
}
