import gcoord from 'gcoord'
import {
  clearMessageSlot,
  detailLine,
  hideErrorSummary,
  sendingOnce,
  showErrorSummary,
  summaryItem,
  tieToMessage,
} from '../forms/field-messages.ts'
import { stringsFor } from '../i18n/index.ts'
import { locateDevice } from '../map/device-location.ts'
import { isTerm } from '../zoning/zoning-terms.ts'
import { sendReport } from './report-client.ts'
import { problemMessage, refusalMessages, type ReportMessage } from './report-errors.ts'
import type { ReportMapElement } from './report-map.ts'
import type { ReportReceiptElement } from './report-receipt.ts'
import {
  characterCount,
  chinaDateTimeInput,
  photoProblems,
  readDraft,
  readPlace,
  type ReportDraft,
} from './report-request.ts'
import {
  DESCRIPTION_MAX,
  PLACE_DATUMS,
  REPORT_CONTROLS,
  type ReportControl,
} from './report-terms.ts'

/** Decimals of a picked position: 1e-6° is about 0.1 m. */
const PLACE_DECIMALS = 6

/** The elements each control's message describes, the one to focus first. */
const TARGETS: Record<ReportControl, string> = {
  category: '[data-categories]',
  place: '#report-place, report-map .maplibregl-canvas',
  datum: '#report-datum',
  observedAt: '#report-observed',
  description: '#report-description',
  photos: '#report-photos',
  contactName: '#report-contact-name',
  contactPhone: '#report-contact-phone',
  contactEmail: '#report-contact-email',
}

/**
 * `<report-form>`: the report form. A click on `<report-map>` or the browser's position fills
 * the coordinate field (WGS84), which is also where a keyboard user types or pastes a place in
 * any datum; the map marks whatever the field holds. The form counts the description, lists
 * the chosen photos, sends the report (JSON without photos, a form with them) and puts each
 * message beside the part it is about, with `aria-invalid` and `aria-describedby`, and in a
 * summary above that takes the focus. A filed report goes to `<report-receipt>`.
 */
export class ReportFormElement extends HTMLElement {
  #form!: HTMLFormElement
  #submit = sendingOnce(this, (progress) => this.#file(progress))

  connectedCallback(): void {
    const form = this.querySelector('form')
    if (!form) return
    this.#form = form
    form.hidden = false
    for (const part of this.querySelectorAll<HTMLElement>('[data-needs-script]'))
      part.hidden = false

    const observed = this.#input('#report-observed')
    const now = chinaDateTimeInput(new Date())
    observed.max = now
    if (observed.value === '') observed.value = now

    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void this.#submit()
    })
    this.#input('#report-place').addEventListener('input', () => void this.#placeChanged(false))
    this.#input('#report-place').addEventListener('change', () => void this.#placeChanged(true))
    this.querySelector('#report-datum')?.addEventListener('change', () => {
      void this.#placeChanged(true)
    })
    this.#input('#report-description').addEventListener('input', () => this.#count())
    this.#input('#report-photos').addEventListener('change', () => this.#listPhotos())
    this.querySelector('[data-photos-clear]')?.addEventListener('click', () => {
      this.#input('#report-photos').value = ''
      this.#listPhotos()
    })
    this.querySelector('[data-locate]')?.addEventListener('click', () => this.#locate())
    this.#count()
    this.#listPhotos()

    void this.#map().then((map) => {
      map.addEventListener('place-pick', (event) => this.#picked(event.detail))
    })
  }

  #input(selector: string): HTMLInputElement {
    const element = this.querySelector<HTMLInputElement>(selector)
    if (!element) throw new Error(`the report form has no ${selector}`)
    return element
  }

  /** A position from the map or the browser: WGS84, written into the coordinate field. */
  #picked([lon, lat]: [number, number], bring = false): void {
    this.#input('#report-place').value =
      `${lon.toFixed(PLACE_DECIMALS)}, ${lat.toFixed(PLACE_DECIMALS)}`
    const datum = this.querySelector<HTMLSelectElement>('#report-datum')
    if (datum) datum.value = 'EPSG:4326'
    this.#clearMessage('place')
    this.#clearMessage('datum')
    void this.#placeChanged(bring)
  }

  /** The map marks the field's place, converted to WGS84 when typed in a Chinese datum. */
  async #placeChanged(bring: boolean): Promise<void> {
    const f = stringsFor().reportForm
    const place = readPlace(this.#input('#report-place').value)
    const datum = this.#datum()
    const shown = this.querySelector<HTMLElement>('[data-place-shown]')
    let wgs84: [number, number] | undefined
    if (place) {
      const pair: [number, number] = [place.lon, place.lat]
      wgs84 =
        datum === 'gcj02'
          ? (gcoord.transform(pair, gcoord.GCJ02, gcoord.WGS84) as [number, number])
          : datum === 'bd09'
            ? (gcoord.transform(pair, gcoord.BD09, gcoord.WGS84) as [number, number])
            : pair
    }
    if (shown) {
      const [lon, lat] = wgs84?.map((value) => value.toFixed(PLACE_DECIMALS)) ?? []
      shown.textContent =
        !lon || !lat
          ? ''
          : datum === 'EPSG:4326'
            ? f.placeShown(lon, lat)
            : f.placeShownConverted(lon, lat, stringsFor().writing.datumNames[datum])
    }
    ;(await this.#map()).showPlace(wgs84, bring)
  }

  #datum(): (typeof PLACE_DATUMS)[number] {
    const value = this.querySelector<HTMLSelectElement>('#report-datum')?.value
    return isTerm(PLACE_DATUMS, value) ? value : 'EPSG:4326'
  }

  #locate(): void {
    const status = this.querySelector<HTMLElement>('[data-locate-status]')
    locateDevice(
      (text) => {
        if (status) status.textContent = text
      },
      (lonLat) => this.#picked(lonLat, true),
    )
  }

  #count(): void {
    const f = stringsFor().reportForm
    const text = this.#input('#report-description').value
    const count = characterCount(text)
    const counter = this.querySelector<HTMLElement>('[data-description-count]')
    if (!counter) return
    const over = count > DESCRIPTION_MAX
    counter.textContent = (over ? f.descriptionOver : f.descriptionCount)(
      count.toLocaleString('en'),
      DESCRIPTION_MAX.toLocaleString('en'),
    )
    counter.dataset.over = String(over)
  }

  #photos(): File[] {
    return [...(this.#input('#report-photos').files ?? [])]
  }

  #listPhotos(): void {
    const f = stringsFor().reportForm
    const photos = this.#photos()
    const list = this.querySelector<HTMLElement>('[data-photo-list]')
    const clear = this.querySelector<HTMLButtonElement>('[data-photos-clear]')
    if (clear) clear.hidden = photos.length === 0
    if (!list) return
    list.replaceChildren(
      ...photos.map((photo) => {
        const item = document.createElement('li')
        item.textContent = f.photoChosen(photo.name, (photo.size / 1024).toFixed(1))
        return item
      }),
    )
    list.hidden = photos.length === 0
    this.#clearMessage('photos')
    const problems = photoProblems(photos)
    if (problems.length > 0) {
      for (const problem of problems) this.#placeMessage(problemMessage(problem, stringsFor()))
    }
  }

  #draft(): ReportDraft {
    const value = (selector: string) => this.#input(selector).value
    return {
      category:
        this.#form.querySelector<HTMLInputElement>('input[name="category"]:checked')?.value ?? '',
      place: value('#report-place'),
      datum: this.#datum(),
      observedAt: value('#report-observed'),
      description: this.querySelector<HTMLTextAreaElement>('#report-description')?.value ?? '',
      photos: this.#photos(),
      contact: {
        name: value('#report-contact-name'),
        phone: value('#report-contact-phone'),
        email: value('#report-contact-email'),
      },
    }
  }

  async #file(progress: HTMLElement | null): Promise<void> {
    const t = stringsFor()
    this.#clearMessages()
    const built = readDraft(this.#draft())
    if ('problems' in built) {
      this.#showMessages(built.problems.map((problem) => problemMessage(problem, t)))
      return
    }

    if (progress) progress.textContent = t.reportForm.sending
    this.setAttribute('aria-busy', 'true')
    const outcome = await sendReport(built.request)
    switch (outcome.kind) {
      case 'answered': {
        await customElements.whenDefined('report-receipt')
        const receipt = document.querySelector<ReportReceiptElement>('report-receipt')
        if (!receipt) return
        this.hidden = true
        receipt.show(outcome.view)
        break
      }
      case 'refused':
        this.#showMessages(refusalMessages(outcome, t))
        break
      case 'failed': {
        const f = t.reportForm
        const text = outcome.reason === 'network' ? f.errorNetwork : f.errorServer
        this.#showMessages([{ control: undefined, text }], f.notSentSummary)
      }
    }
  }

  #showMessages(messages: ReportMessage[], heading?: string): void {
    const items = messages.map((message) =>
      summaryItem(
        message.text,
        message.control ? this.#focusTarget(message.control) : undefined,
        message.detail ? detail(message.detail) : undefined,
      ),
    )
    showErrorSummary(this, items, heading)
    for (const message of messages) this.#placeMessage(message)
  }

  /** Puts a message beside its control, after any already there, and ties the control to it. */
  #placeMessage(message: ReportMessage): void {
    const control = message.control
    const slot = control
      ? this.querySelector<HTMLElement>(`[data-error-for="${control}"]`)
      : undefined
    if (!control || !slot) return

    const line = document.createElement('span')
    line.className = 'message'
    line.textContent = message.text
    if (message.detail) line.append(detail(message.detail))
    slot.append(line)
    slot.hidden = false
    tieToMessage(this.#targets(control), slot)
  }

  #clearMessages(): void {
    hideErrorSummary(this)
    for (const control of REPORT_CONTROLS) this.#clearMessage(control)
  }

  #clearMessage(control: ReportControl): void {
    const slot = this.querySelector<HTMLElement>(`[data-error-for="${control}"]`)
    // The map's canvas, which a place's message describes, lies outside the form.
    if (slot) clearMessageSlot(document, slot)
  }

  #targets(control: ReportControl): HTMLElement[] {
    return [...document.querySelectorAll<HTMLElement>(TARGETS[control])]
  }

  /** Where a summary link takes the focus: the first radio button of a group. */
  #focusTarget(control: ReportControl): HTMLElement | undefined {
    const target = this.#targets(control)[0]
    if (target instanceof HTMLFieldSetElement) {
      return target.querySelector<HTMLElement>('input') ?? undefined
    }
    return target
  }

  async #map(): Promise<ReportMapElement> {
    await customElements.whenDefined('report-map')
    const element = document.querySelector<ReportMapElement>('report-map')
    if (!element) throw new Error('the report page has no <report-map>')
    return element
  }
}

function detail(text: string): HTMLElement {
  return detailLine(stringsFor().reportForm.errorDetail, text)
}
