import { clearMessageSlot, detailLine, tieToMessage } from '../forms/field-messages.ts'
import { stringsFor } from '../i18n/index.ts'

/** A message for a form: the control it stands beside (none: the form as a whole), its text. */
export interface StaffMessage {
  control?: string | undefined
  text: string
  /** The API's own message, in English, shown below the text. */
  detail?: string | undefined
}

/**
 * Puts messages beside the controls of a form, as the report form does: each in the control's
 * `[data-error-for]` slot, the control marked `aria-invalid` and described by the slot; a
 * message for no control, or for one the form lacks, goes to the `[data-error-for="form"]`
 * slot. Controls are found by `[data-control="name"]`.
 */
export class FieldMessages {
  #root: HTMLElement

  constructor(root: HTMLElement) {
    this.#root = root
  }

  show(messages: StaffMessage[]): void {
    this.clear()
    for (const message of messages) {
      const named = message.control
        ? this.#root.querySelector<HTMLElement>(`[data-error-for="${message.control}"]`)
        : null
      const slot = named ?? this.#root.querySelector<HTMLElement>('[data-error-for="form"]')
      if (!slot) continue
      const line = document.createElement('span')
      line.className = 'message'
      line.textContent = message.text
      if (message.detail)
        line.append(detailLine(stringsFor().reportForm.errorDetail, message.detail))
      slot.append(line)
      slot.hidden = false
      if (named) tieToMessage(this.#controls(message.control!), slot)
    }
    const first = this.#root.querySelector<HTMLElement>('[aria-invalid="true"]')
    first?.focus()
  }

  clear(): void {
    for (const slot of this.#root.querySelectorAll<HTMLElement>('[data-error-for]')) {
      clearMessageSlot(this.#root, slot)
    }
  }

  #controls(name: string): HTMLElement[] {
    return [...this.#root.querySelectorAll<HTMLElement>(`[data-control="${name}"]`)]
  }
}
