import { detailLine } from '../forms/field-messages.ts'
import { localePath, type Strings } from '../i18n/index.ts'
import { groupRulesByDimension } from '../lookup/rule-groups.ts'
import { describeZone, layerTitle } from '../lookup/zone-labels.ts'
import { areaSwatch, classLooks } from '../map/zoning-palette.ts'
import { datasetNotice } from '../dataset/dataset-notice.ts'
import { unitPagePath } from '../units/unit-client.ts'
import { DIMENSIONS, EFFECTS, isTerm, UNIT_CLASSES, VERDICTS } from '../zoning/zoning-terms.ts'
import {
  conversionText,
  distanceText,
  extentText,
  formatCheckedAt,
  formatNumber,
  formatShare,
  industriesText,
  industryName,
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
 * Fills the sections of a check answer that `root` holds (the markup of CheckSummary, CheckSite,
 * CheckUnits, CheckZones, CheckRules, CheckRecord and the check notice), from the
 * `<template data-template>` elements and `[data-field]` slots in it. A section whose markup is
 * absent is skipped. Every value from the answer goes in as text. Rows are removed and filled in
 * place, so a root is filled once: fill a fresh copy for another answer.
 */
export function renderCheck(root: HTMLElement, answer: CheckAnswer, t: Strings): void {
  summary(root, answer, t)
  verdict(root, answer, t)
  notice(root, answer, t)
  site(root, answer.site, t)
  units(root, answer, t)
  zones(root, answer, t)
  nearby(root, answer, t)
  rules(root, answer, t)
  record(root, answer, t)
}

function summary(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  fillField(root, 'id', answer.id)
  fillField(root, 'checked-at', formatCheckedAt(answer.checkedAt, t))
  root.querySelector('time[data-field="checked-at"]')?.setAttribute('datetime', answer.checkedAt)
  fillField(root, 'industry', `${answer.industry.code} ${industryName(answer.industry, t)}`)
  fillField(root, 'project-kind', projectKindText(answer.projectKind, t))
}

function verdict(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const known = isTerm(VERDICTS, answer.verdict) ? answer.verdict : undefined
  root.querySelector('[data-verdict]')?.setAttribute('data-verdict', answer.verdict)
  fillField(root, 'verdict', known ? t.check.verdict[known] : answer.verdict)
  fillField(root, 'verdict-summary', known ? t.check.verdictSummary[known] : '')

  const reasons = verdictReasons(answer, t)
  const shown = reasons.length > 0 ? reasons : answer.reasons
  fillList(root, 'reasons', shown)
  // The record's own wording, in English, adds nothing where the page already says the same.
  const same =
    shown.length === answer.reasons.length && shown.every((text, i) => text === answer.reasons[i])
  if (same) {
    for (const part of root.querySelectorAll('.recorded-heading, [data-slot="recorded-reasons"]')) {
      part.remove()
    }
  } else {
    fillList(root, 'recorded-reasons', answer.reasons)
  }
}

function notice(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const box = root.querySelector<HTMLElement>('[data-check-notice]')
  if (!box) return

  const { illustrative } = answer.dataset
  const text = datasetNotice(answer.dataset, t.lang)
  box.hidden = !illustrative && !text
  fillField(box, 'notice', text || t.footer.notice)
  // The sample's notice is headed as such; an operator's, as what it says about its data.
  const heading = illustrative ? t.check.noticeHeading : t.dataset.noticeHeading
  box.querySelector('.callout')?.setAttribute('aria-label', heading)
  const shown = box.querySelector('.heading')
  if (shown) shown.textContent = heading
}

function site(root: ParentNode, checked: CheckSite, t: Strings): void {
  const size = siteSizeText(checked, t)
  fillField(root, 'site-format', siteFormatText(checked, t))
  fillField(root, 'site-crs', checked.crs.name)
  const conversion = conversionText(checked, t)
  fillField(root, 'site-conversion', conversion)
  // The method, in the answer's words, matters only when positions were moved.
  if (conversion !== t.check.noConversion) {
    fillField(root, 'site-conversion-method', checked.conversion.method)
  }
  fillField(root, 'site-size-label', size.label)
  fillField(root, 'site-size', size.value)
  fillField(root, 'site-vertices', formatNumber(checked.vertices, 0, t.lang))
  fillField(root, 'site-extent', extentText(checked.bbox, t))

  // The answer words each repair in English, more exactly than its kind: an English page gives
  // those words alone, a Chinese one the kind in Chinese with the words after it, marked.
  const repairs = root.querySelector('[data-slot="site-repairs"]')
  if (checked.repairs.length === 0) fillList(root, 'site-repairs', [t.check.noRepairs])
  for (const repair of checked.repairs) {
    const item = textItem(root, 'list-item', t.lang === 'en' ? repair.message : '')
    if (t.lang !== 'en') {
      item.firstElementChild?.append(
        repairText(repair, t),
        ' ',
        detailLine(t.panel.serverSays, repair.message),
      )
    }
    repairs?.append(item)
  }
  fillList(root, 'site-notes', checked.notes)
  removeRowIf(root, 'site-notes', checked.notes.length === 0)
}

function units(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const rows = root.querySelector('[data-slot="units"]')
  if (!rows) return

  const point = isPointSite(answer.site)
  fillField(root, 'units-overlap', overlapHead(answer.site, t))
  removeRowIf(root, 'units-table', answer.units.length === 0)
  removeRowIf(root, 'units-none', answer.units.length > 0)

  for (const unit of answer.units) {
    const row = cloneTemplate(root, 'unit-row')
    row.querySelector('tr')?.setAttribute('data-unit', unit.code)
    fillField(row, 'code', unit.code)
    fillField(row, 'name', unit.name)
    const unitPage = localePath(unitPagePath(unit.code), t.lang)
    row.querySelector('[data-unit-link]')?.setAttribute('href', unitPage)
    fillField(row, 'district', unit.district_name ? t.check.district(unit.district_name) : '')
    fillField(row, 'class', unitClassText(unit.class, t))
    overlapCells(row, unit, point, t)

    const swatch = row.querySelector<HTMLElement>('[data-swatch]')
    if (swatch && isTerm(UNIT_CLASSES, unit.class)) {
      for (const [name, value] of Object.entries(areaSwatch(classLooks[unit.class]))) {
        swatch.style.setProperty(name, value)
      }
    }
    rows.append(row)
  }
  if (point)
    for (const cell of root.querySelectorAll('[data-column="units-overlap"]')) cell.remove()
}

function zones(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const rows = root.querySelector('[data-slot="zones"]')
  if (!rows) return

  const point = isPointSite(answer.site)
  fillField(root, 'zones-overlap', overlapHead(answer.site, t))
  removeRowIf(root, 'zones-table', answer.zones.length === 0)
  removeRowIf(root, 'zones-none', answer.zones.length > 0)

  for (const zone of answer.zones) {
    const row = cloneTemplate(root, 'zone-row')
    fillField(row, 'layer', layerTitle(zone, t))
    fillField(row, 'name', describeZone(zone, t))
    overlapCells(row, zone, point, t)
    rows.append(row)
  }
  if (point)
    for (const cell of root.querySelectorAll('[data-column="zones-overlap"]')) cell.remove()
}

/** Fills a row's overlap and share cells; a point site has a share only. */
function overlapCells(row: ParentNode, overlap: Overlap, point: boolean, t: Strings): void {
  fillField(row, 'overlap', overlapText(overlap, t) ?? '')
  fillField(row, 'share', point ? t.check.pointShare : formatShare(overlap.share))
}

function nearby(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const rows = root.querySelector('[data-slot="nearby"]')
  if (!rows) return

  const { within_m: withinM, zones: near, truncated } = answer.nearby
  const reach = formatNumber(withinM, 0, t.lang)
  fillField(root, 'nearby-intro', t.check.nearbyIntro(reach))
  fillField(root, 'nearby-none', t.check.noNearby(reach))
  fillField(root, 'nearby-truncated', t.check.nearbyTruncated(formatNumber(near.length, 0, t.lang)))
  removeRowIf(root, 'nearby-table', near.length === 0)
  removeRowIf(root, 'nearby-intro', near.length === 0)
  removeRowIf(root, 'nearby-none', near.length > 0)
  removeRowIf(root, 'nearby-truncated', !truncated)

  for (const zone of near) {
    const row = cloneTemplate(root, 'nearby-row')
    fillField(row, 'layer', layerTitle(zone, t))
    fillField(row, 'name', describeZone(zone, t))
    fillField(row, 'distance', distanceText(zone.distance_m, t))
    rows.append(row)
  }
}

function rules(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const groups = root.querySelector('[data-slot="rule-groups"]')
  if (!groups) return

  removeRowIf(root, 'rules-none', answer.rules.length > 0)
  for (const { dimension, rules: grouped } of groupRulesByDimension(answer.rules)) {
    const group = cloneTemplate(root, 'rule-group')
    group.querySelector('section')?.setAttribute('data-dimension', dimension)
    const name = isTerm(DIMENSIONS, dimension) ? t.dimension[dimension] : dimension
    fillField(group, 'dimension', name)
    fillField(group, 'count', `(${grouped.length})`)
    removeRowIf(group, 'none', grouped.length > 0)

    const items = group.querySelector('[data-slot="rules"]')
    for (const rule of grouped) items?.append(ruleItem(root, rule, answer, t))
    groups.append(group)
  }
}

function ruleItem(
  root: ParentNode,
  rule: CheckRule,
  answer: CheckAnswer,
  t: Strings,
): DocumentFragment {
  const item = cloneTemplate(root, 'rule-item')
  const effect = isTerm(EFFECTS, rule.effect) ? rule.effect : undefined
  item.querySelector('li')?.setAttribute('data-effect', rule.effect)
  item.querySelector('li')?.setAttribute('data-rule', rule.code)

  const trigger = triggerText(rule, answer, t)
  fillField(item, 'effect', effect ? t.effect[effect] : rule.effect)
  fillField(item, 'code', rule.code)
  fillField(item, 'text', rule.text_zh)
  fillField(item, 'basis', rule.legal_basis ?? '')
  fillField(item, 'industries', industriesText(rule.industries, t))
  fillField(item, 'kinds', projectKindsText(rule.project_kinds, t))
  fillField(item, 'trigger', trigger ?? '')
  removeRowIf(item, 'basis', !rule.legal_basis)
  removeRowIf(item, 'trigger', trigger === undefined)
  removeRowIf(item, 'may-apply', rule.match !== 'may_apply')
  return item
}

function record(root: ParentNode, answer: CheckAnswer, t: Strings): void {
  const rows = root.querySelector('[data-slot="versions"]')
  if (!rows) return

  const { dataset } = answer
  const datasetText = t.check.datasetValue(dataset.name ?? '', String(dataset.version ?? ''))
  fillField(root, 'dataset', datasetText)
  removeRowIf(root, 'illustrative', !dataset.illustrative)
  fillField(root, 'access-list', t.check.accessListValue(String(answer.accessList.rules)))
  fillField(root, 'access-list-sha256', answer.accessList.sha256)
  fillField(root, 'input-sha256', answer.inputSha256)

  for (const [layer, version] of Object.entries(answer.dataVersions)) {
    const row = cloneTemplate(root, 'version-row')
    row.querySelector('tr')?.setAttribute('data-layer', layer)
    fillField(row, 'title', layerText(layer, t))
    fillField(row, 'layer', layer)
    fillField(row, 'version', String(version))
    rows.append(row)
  }
}

function isPointSite(checked: CheckSite): boolean {
  return checked.area_m2 === null && checked.length_m === null
}

/** The heading of an overlap column: areas for an area site, lengths for a line. */
function overlapHead(checked: CheckSite, t: Strings): string {
  return checked.length_m === null ? t.check.overlapArea : t.check.overlapLength
}

/** Puts `text` into every `[data-field]` of that name under `root`. */
export function fillField(root: ParentNode, field: string, text: string): void {
  for (const element of root.querySelectorAll(`[data-field="${field}"]`)) {
    element.textContent = text
  }
}

/** Fills a list slot with one `list-item` per text. */
export function fillList(root: ParentNode, slot: string, texts: readonly string[]): void {
  const list = root.querySelector(`[data-slot="${slot}"]`)
  for (const text of texts) list?.append(textItem(root, 'list-item', text))
}

/** A copy of the template's first element with `text` in it. */
export function textItem(root: ParentNode, template: string, text: string): DocumentFragment {
  const item = cloneTemplate(root, template)
  const element = item.firstElementChild
  if (element) element.textContent = text
  return item
}

/** A copy of the `<template data-template>` of that name under `root`. */
export function cloneTemplate(root: ParentNode, name: string): DocumentFragment {
  const template = root.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)
  if (!template) throw new Error(`no template named ${name} to fill the check from`)

  return template.content.cloneNode(true) as DocumentFragment
}

function removeRowIf(root: ParentNode, row: string, condition: boolean): void {
  if (condition) root.querySelector(`[data-row="${row}"]`)?.remove()
}
