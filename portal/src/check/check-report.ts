import { stringsFor, type Strings } from '../i18n/index.ts'
import type { Section } from '../i18n/strings.ts'
import { groupRulesByDimension } from '../lookup/rule-groups.ts'
import { describeZone } from '../lookup/zone-labels.ts'
import { areaSwatch, classLooks } from '../map/zoning-palette.ts'
import type { SiteMapElement } from '../map/site-map.ts'
import { DIMENSIONS, EFFECTS, isTerm, UNIT_CLASSES, VERDICTS } from '../zoning/zoning-terms.ts'
import { checkIdFrom, fetchCheck, reportPath, type CheckOutcome } from './check-client.ts'
import {
  conversionText,
  distanceText,
  extentText,
  formatCheckedAt,
  formatNumber,
  formatShare,
  industriesText,
  layerText,
  overlapText,
  projectKindsText,
  projectKindText,
  repairText,
  siteFormatText,
  siteSizeText,
  triggerText,
  unitClassText,
  verdictReasons,
} from './check-format.ts'
import type { CheckAnswer, CheckRule, CheckSite, Overlap } from './check-types.ts'

/**
 * `<check-report>`: reads the check id from the address (`?id=…`), fetches the stored answer and
 * fills the report from the `<template data-template>` elements and `[data-field]` slots it
 * holds. Every value from the answer goes in as text. `data-state` tells where it got to:
 * loading, found, missing, invalid, not-found or failed.
 */
export class CheckReportElement extends HTMLElement {
  connectedCallback(): void {
    void this.#load()
  }

  async #load(): Promise<void> {
    const t = stringsFor()
    const outcome = await fetchCheck(checkIdFrom(window.location.search))
    this.querySelector('[data-loading]')?.remove()
    this.dataset.state = outcome.kind

    if (outcome.kind === 'found') this.#report(outcome.answer, t)
    else this.#message(messageOf(outcome, t))
  }

  #message(section: Section): void {
    const box = this.querySelector<HTMLElement>('[data-message]')
    if (!box) return

    fill(box, 'message-heading', section.heading)
    const paragraphs = box.querySelector('[data-slot="message"]')
    for (const text of section.paragraphs) paragraphs?.append(this.#item('paragraph', text))
    box.hidden = false
  }

  #report(answer: CheckAnswer, t: Strings): void {
    const url = new URL(reportPath(answer.id), window.location.origin).href
    document.title = `${t.check.pageTitle} ${answer.id} · ${t.siteName}`

    this.#summary(answer, t)
    this.#verdict(answer, t)
    this.#notice(answer, t)
    this.#site(answer.site, t)
    this.#units(answer, t)
    this.#zones(answer, t)
    this.#nearby(answer, t)
    this.#rules(answer, t)
    this.#record(answer, t)
    fill(this, 'report-footer', t.check.printFooter(url, answer.id))
    addPageFooter(t.check.printFooter(url, answer.id))

    for (const hidden of this.querySelectorAll<HTMLElement>('[data-report], [data-print]')) {
      hidden.hidden = false
    }
    this.querySelector('[data-print] button')?.addEventListener('click', () => window.print())
    void this.#map(answer)
  }

  #summary(answer: CheckAnswer, t: Strings): void {
    fill(this, 'id', answer.id)
    fill(this, 'checked-at', formatCheckedAt(answer.checkedAt, t))
    this.querySelector('time[data-field="checked-at"]')?.setAttribute('datetime', answer.checkedAt)
    fill(this, 'industry', `${answer.industry.code} ${answer.industry.name_zh}`)
    fill(this, 'project-kind', projectKindText(answer.projectKind, t))
  }

  #verdict(answer: CheckAnswer, t: Strings): void {
    const verdict = isTerm(VERDICTS, answer.verdict) ? answer.verdict : undefined
    this.querySelector('[data-verdict]')?.setAttribute('data-verdict', answer.verdict)
    fill(this, 'verdict', verdict ? t.check.verdict[verdict] : answer.verdict)
    fill(this, 'verdict-summary', verdict ? t.check.verdictSummary[verdict] : '')

    const reasons = verdictReasons(answer, t)
    this.#list('reasons', reasons.length > 0 ? reasons : answer.reasons)
    this.#list('recorded-reasons', answer.reasons)
  }

  #notice(answer: CheckAnswer, t: Strings): void {
    const notice = this.querySelector<HTMLElement>('[data-check-notice]')
    if (!notice) return

    notice.hidden = !answer.dataset.illustrative
    fill(notice, 'notice', answer.dataset.notice_zh || t.footer.notice)
  }

  #site(site: CheckSite, t: Strings): void {
    const size = siteSizeText(site, t)
    fill(this, 'site-format', siteFormatText(site, t))
    fill(this, 'site-crs', site.crs.name)
    const conversion = conversionText(site, t)
    fill(this, 'site-conversion', conversion)
    // The method, in the answer's words, matters only when positions were moved.
    if (conversion !== t.check.noConversion) {
      fill(this, 'site-conversion-method', site.conversion.method)
    }
    fill(this, 'site-size-label', size.label)
    fill(this, 'site-size', size.value)
    fill(this, 'site-vertices', formatNumber(site.vertices, 0, t.lang))
    fill(this, 'site-extent', extentText(site.bbox, t))

    const repairs = site.repairs.map((repair) => `${repairText(repair, t)}：${repair.message}`)
    this.#list('site-repairs', repairs.length > 0 ? repairs : [t.check.noRepairs])
    this.#list('site-notes', site.notes)
    removeRowIf(this, 'site-notes', site.notes.length === 0)
  }

  #units(answer: CheckAnswer, t: Strings): void {
    const rows = this.querySelector('[data-slot="units"]')
    const point = isPointSite(answer.site)
    fill(this, 'units-overlap', overlapHead(answer.site, t))
    removeRowIf(this, 'units-table', answer.units.length === 0)
    removeRowIf(this, 'units-none', answer.units.length > 0)

    for (const unit of answer.units) {
      const row = this.#clone('unit-row')
      row.querySelector('tr')?.setAttribute('data-unit', unit.code)
      fill(row, 'code', unit.code)
      fill(row, 'name', unit.name)
      fill(row, 'district', unit.district_name ? t.check.district(unit.district_name) : '')
      fill(row, 'class', unitClassText(unit.class, t))
      this.#overlapCells(row, unit, point, t)

      const swatch = row.querySelector<HTMLElement>('[data-swatch]')
      if (swatch && isTerm(UNIT_CLASSES, unit.class)) {
        for (const [name, value] of Object.entries(areaSwatch(classLooks[unit.class]))) {
          swatch.style.setProperty(name, value)
        }
      }
      rows?.append(row)
    }
    if (point)
      for (const cell of this.querySelectorAll('[data-column="units-overlap"]')) cell.remove()
  }

  #zones(answer: CheckAnswer, t: Strings): void {
    const rows = this.querySelector('[data-slot="zones"]')
    const point = isPointSite(answer.site)
    fill(this, 'zones-overlap', overlapHead(answer.site, t))
    removeRowIf(this, 'zones-table', answer.zones.length === 0)
    removeRowIf(this, 'zones-none', answer.zones.length > 0)

    for (const zone of answer.zones) {
      const row = this.#clone('zone-row')
      fill(row, 'layer', zone.title_zh)
      fill(row, 'name', describeZone(zone, t))
      this.#overlapCells(row, zone, point, t)
      rows?.append(row)
    }
    if (point)
      for (const cell of this.querySelectorAll('[data-column="zones-overlap"]')) cell.remove()
  }

  /** Fills a row's overlap and share cells; a point site has a share only. */
  #overlapCells(row: ParentNode, overlap: Overlap, point: boolean, t: Strings): void {
    fill(row, 'overlap', overlapText(overlap, t) ?? '')
    fill(row, 'share', point ? t.check.pointShare : formatShare(overlap.share))
  }

  #nearby(answer: CheckAnswer, t: Strings): void {
    const { within_m: withinM, zones, truncated } = answer.nearby
    const reach = formatNumber(withinM, 0, t.lang)
    fill(this, 'nearby-intro', t.check.nearbyIntro(reach))
    fill(this, 'nearby-none', t.check.noNearby(reach))
    fill(this, 'nearby-truncated', t.check.nearbyTruncated(formatNumber(zones.length, 0, t.lang)))
    removeRowIf(this, 'nearby-table', zones.length === 0)
    removeRowIf(this, 'nearby-intro', zones.length === 0)
    removeRowIf(this, 'nearby-none', zones.length > 0)
    removeRowIf(this, 'nearby-truncated', !truncated)

    const rows = this.querySelector('[data-slot="nearby"]')
    for (const zone of zones) {
      const row = this.#clone('nearby-row')
      fill(row, 'layer', zone.title_zh)
      fill(row, 'name', describeZone(zone, t))
      fill(row, 'distance', distanceText(zone.distance_m, t))
      rows?.append(row)
    }
  }

  #rules(answer: CheckAnswer, t: Strings): void {
    const groups = this.querySelector('[data-slot="rule-groups"]')
    removeRowIf(this, 'rules-none', answer.rules.length > 0)

    for (const { dimension, rules } of groupRulesByDimension(answer.rules)) {
      const group = this.#clone('rule-group')
      group.querySelector('section')?.setAttribute('data-dimension', dimension)
      fill(group, 'dimension', isTerm(DIMENSIONS, dimension) ? t.dimension[dimension] : dimension)
      fill(group, 'count', `(${rules.length})`)
      removeRowIf(group, 'none', rules.length > 0)

      const items = group.querySelector('[data-slot="rules"]')
      for (const rule of rules) items?.append(this.#rule(rule, answer, t))
      groups?.append(group)
    }
  }

  #rule(rule: CheckRule, answer: CheckAnswer, t: Strings): DocumentFragment {
    const item = this.#clone('rule-item')
    const effect = isTerm(EFFECTS, rule.effect) ? rule.effect : undefined
    item.querySelector('li')?.setAttribute('data-effect', rule.effect)
    item.querySelector('li')?.setAttribute('data-rule', rule.code)

    const trigger = triggerText(rule, answer, t)
    fill(item, 'effect', effect ? t.effect[effect] : rule.effect)
    fill(item, 'code', rule.code)
    fill(item, 'text', rule.text_zh)
    fill(item, 'basis', rule.legal_basis ?? '')
    fill(item, 'industries', industriesText(rule.industries, t))
    fill(item, 'kinds', projectKindsText(rule.project_kinds, t))
    fill(item, 'trigger', trigger ?? '')
    removeRowIf(item, 'basis', !rule.legal_basis)
    removeRowIf(item, 'trigger', trigger === undefined)
    removeRowIf(item, 'may-apply', rule.match !== 'may_apply')
    return item
  }

  #record(answer: CheckAnswer, t: Strings): void {
    const { dataset } = answer
    fill(this, 'dataset', t.check.datasetValue(dataset.name ?? '', String(dataset.version ?? '')))
    removeRowIf(this, 'illustrative', !dataset.illustrative)
    fill(this, 'access-list', t.check.accessListValue(String(answer.accessList.rules)))
    fill(this, 'access-list-sha256', answer.accessList.sha256)
    fill(this, 'input-sha256', answer.inputSha256)

    const rows = this.querySelector('[data-slot="versions"]')
    for (const [layer, version] of Object.entries(answer.dataVersions)) {
      const row = this.#clone('version-row')
      row.querySelector('tr')?.setAttribute('data-layer', layer)
      fill(row, 'title', layerText(layer, t))
      fill(row, 'layer', layer)
      fill(row, 'version', String(version))
      rows?.append(row)
    }
  }

  async #map(answer: CheckAnswer): Promise<void> {
    await customElements.whenDefined('site-map')
    const map = this.querySelector<SiteMapElement>('site-map')
    const layers = [...answer.zones, ...answer.nearby.zones].map((zone) => zone.layer)
    map?.show({ site: answer.site.geometry, bbox: answer.site.bbox, layers })
  }

  /** Fills a list slot with one item per text. */
  #list(slot: string, texts: readonly string[]): void {
    const list = this.querySelector(`[data-slot="${slot}"]`)
    for (const text of texts) list?.append(this.#item('list-item', text))
  }

  #item(template: string, text: string): DocumentFragment {
    const item = this.#clone(template)
    const element = item.firstElementChild
    if (element) element.textContent = text
    return item
  }

  #clone(name: string): DocumentFragment {
    const template = this.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)
    if (!template) throw new Error(`the check report has no template named ${name}`)

    return template.content.cloneNode(true) as DocumentFragment
  }
}

function messageOf(outcome: Exclude<CheckOutcome, { kind: 'found' }>, t: Strings): Section {
  switch (outcome.kind) {
    case 'missing':
      return t.check.missing
    case 'invalid':
      return t.check.invalid(outcome.id)
    case 'not-found':
      return t.check.notFound(outcome.id)
    case 'failed':
      return {
        heading: t.check.failedHeading,
        paragraphs: [outcome.reason === 'network' ? t.check.errorNetwork : t.check.errorServer],
      }
  }
}

function isPointSite(site: CheckSite): boolean {
  return site.area_m2 === null && site.length_m === null
}

/** The heading of an overlap column: areas for an area site, lengths for a line. */
function overlapHead(site: CheckSite, t: Strings): string {
  return site.length_m === null ? t.check.overlapArea : t.check.overlapLength
}

function fill(root: ParentNode, field: string, text: string): void {
  for (const element of root.querySelectorAll(`[data-field="${field}"]`)) {
    element.textContent = text
  }
}

function removeRowIf(root: ParentNode, row: string, condition: boolean): void {
  if (condition) root.querySelector(`[data-row="${row}"]`)?.remove()
}

/**
 * Puts the report's address and id at the foot of every printed page, with the page number,
 * through the page's margin boxes. The text is written as a CSS string, escaped, never parsed
 * as markup.
 */
function addPageFooter(text: string): void {
  const style = document.createElement('style')
  style.dataset.pageFooter = ''
  style.textContent =
    '@page { ' +
    `@bottom-left { content: ${cssString(text)}; ${marginBoxLook} } ` +
    `@bottom-right { content: counter(page) " / " counter(pages); ${marginBoxLook} } }`
  document.head.append(style)
}

/** The margin boxes lie outside the document, so they inherit none of its fonts or colours. */
const marginBoxLook = 'font: 8pt sans-serif; color: #57606a;'

function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`
}
