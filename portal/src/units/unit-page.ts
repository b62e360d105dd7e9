import { formatShare, projectKindsText, unitClassText } from '../check/check-format.ts'
import { cloneTemplate, fillField } from '../check/check-render.ts'
import { markChineseData } from '../i18n/data-language.ts'
import {
  failedMessage,
  settleState,
  showMessage,
  startLoading,
} from '../components/answer-state.ts'
import { splitLocalePath, stringsFor, type Strings } from '../i18n/index.ts'
import type { Section } from '../i18n/strings.ts'
import { groupRulesByDimension } from '../lookup/rule-groups.ts'
import { layerTitle } from '../lookup/zone-labels.ts'
import { areaSwatch, classLooks } from '../map/zoning-palette.ts'
import { DIMENSIONS, EFFECTS, isTerm, UNIT_CLASSES } from '../zoning/zoning-terms.ts'
import { fetchUnit, unitCodeFromPath, type UnitOutcome } from './unit-client.ts'
import { overlapAreaText, unitAreaText, unitScopeText, zoneColumns } from './unit-format.ts'
import type { UnitMapElement } from './unit-map.ts'
import type { UnitAnswer } from './unit-types.ts'

/**
 * `<unit-page>`: reads the unit code from the address (`/units/{code}/`), fetches the unit from
 * `GET /api/units/{code}` and fills the page from the `<template data-template>` elements and
 * `[data-field]` slots it holds. Every value from the answer goes in as text. `data-state`
 * tells where it got to: loading, found, invalid, not-found or failed.
 */
export class UnitPageElement extends HTMLElement {
  connectedCallback(): void {
    startLoading(this)
    void this.#load()
  }

  async #load(): Promise<void> {
    const t = stringsFor()
    const outcome = await fetchUnit(
      unitCodeFromPath(splitLocalePath(window.location.pathname).path),
    )
    settleState(this, outcome.kind)

    if (outcome.kind === 'found') this.#show(outcome.unit, t)
    else showMessage(this, messageOf(outcome, t))
  }

  #show(unit: UnitAnswer, t: Strings): void {
    document.title = `${unit.name} ${unit.code} · ${t.siteName}`
    facts(this, unit, t)
    zones(this, unit, t)
    rules(this, unit, t)

    markChineseData(this)
    const body = this.querySelector<HTMLElement>('[data-unit]')
    if (body) body.hidden = false
    void this.#map(unit)
  }

  async #map(unit: UnitAnswer): Promise<void> {
    await customElements.whenDefined('unit-map')
    this.querySelector<UnitMapElement>('unit-map')?.show(unit)
  }
}

function messageOf(outcome: Exclude<UnitOutcome, { kind: 'found' }>, t: Strings): Section {
  switch (outcome.kind) {
    case 'invalid':
      return t.units.invalid(outcome.code)
    case 'not-found':
      return t.units.notFound(outcome.code)
    case 'failed':
      return failedMessage(outcome.reason, t.units)
  }
}

function facts(root: HTMLElement, unit: UnitAnswer, t: Strings): void {
  fillField(root, 'name', unit.name)
  fillField(root, 'code', unit.code)
  fillField(root, 'class', unitClassText(unit.class, t))
  fillField(root, 'district', unit.district_name ?? String(unit.district_adcode ?? ''))
  fillField(root, 'area', unitAreaText(unit.area_km2, t))
  if (!unit.district_name && unit.district_adcode === undefined) {
    root.querySelector('[data-row="district"]')?.remove()
  }

  const swatch = root.querySelector<HTMLElement>('[data-swatch]')
  if (swatch && isTerm(UNIT_CLASSES, unit.class)) {
    for (const [name, value] of Object.entries(areaSwatch(classLooks[unit.class]))) {
      swatch.style.setProperty(name, value)
    }
  }
}

function zones(root: HTMLElement, unit: UnitAnswer, t: Strings): void {
  const rows = root.querySelector('[data-slot="zones"]')
  if (!rows) return

  const removeIf = (row: string, condition: boolean) => {
    if (condition) root.querySelector(`[data-row="${row}"]`)?.remove()
  }
  removeIf('zones-table', unit.zones.length === 0)
  removeIf('zones-none', unit.zones.length > 0)

  for (const zone of unit.zones) {
    const row = cloneTemplate(root, 'unit-zone-row')
    const { name, grade } = zoneColumns(zone, t)
    row.querySelector('tr')?.setAttribute('data-layer', zone.layer)
    fillField(row, 'zone-name', name)
    fillField(row, 'zone-layer', layerTitle(zone, t))
    fillField(row, 'zone-grade', grade)
    fillField(row, 'zone-area', overlapAreaText(zone.overlap_m2, t))
    fillField(row, 'zone-share', formatShare(zone.share))
    rows.append(row)
  }
}

function rules(root: HTMLElement, unit: UnitAnswer, t: Strings): void {
  const groups = root.querySelector('[data-slot="rule-groups"]')
  if (!groups) return

  if (unit.rules.length > 0) root.querySelector('[data-row="rules-none"]')?.remove()
  for (const { dimension, rules: grouped } of groupRulesByDimension(unit.rules)) {
    const group = cloneTemplate(root, 'rule-group')
    group.querySelector('section')?.setAttribute('data-dimension', dimension)
    fillField(
      group,
      'dimension',
      isTerm(DIMENSIONS, dimension) ? t.dimension[dimension] : dimension,
    )
    fillField(group, 'count', `(${grouped.length})`)
    if (grouped.length > 0) group.querySelector('[data-row="none"]')?.remove()

    const items = group.querySelector('[data-slot="rules"]')
    for (const rule of grouped) {
      const item = cloneTemplate(root, 'rule-item')
      const li = item.querySelector('li')
      li?.setAttribute('data-effect', rule.effect)
      li?.setAttribute('data-rule', rule.code)

      fillField(item, 'effect', isTerm(EFFECTS, rule.effect) ? t.effect[rule.effect] : rule.effect)
      fillField(item, 'code', rule.code)
      fillField(item, 'text', rule.text_zh)
      fillField(item, 'basis', rule.legal_basis ?? '')
      fillField(
        item,
        'industries',
        rule.industries.join(t.writing.listSeparator) || t.check.allIndustries,
      )
      fillField(item, 'kinds', projectKindsText(rule.project_kinds, t))
      fillField(item, 'scope', unitScopeText(rule, t))
      if (!rule.legal_basis) item.querySelector('[data-row="basis"]')?.remove()
      items?.append(item)
    }
    groups.append(group)
  }
}
