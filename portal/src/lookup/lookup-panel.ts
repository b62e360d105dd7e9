import { detailLine } from '../forms/field-messages.ts'
import { markChineseData } from '../i18n/data-language.ts'
import { localePath, stringsFor, type Strings } from '../i18n/index.ts'
import { areaSwatch, classLooks } from '../map/zoning-palette.ts'
import { unitPagePath } from '../units/unit-client.ts'
import { DIMENSIONS, EFFECTS, isTerm, LAYER_NAMES, UNIT_CLASSES } from '../zoning/zoning-terms.ts'
import { fetchLookup, type LookupOutcome } from './lookup-client.ts'
import { announceAnswer, onLookupRequest, type LookupRequest } from './lookup-events.ts'
import type { LookupResult, LookupRule, LookupUnit, LookupZone } from './lookup-types.ts'
import { groupRulesByDimension } from './rule-groups.ts'
import { describeZone, layerTitle } from './zone-labels.ts'

/**
 * `<lookup-panel>`: answers lookup requests from the map and the form, and fills the panel from
 * the `<template data-template>` elements it holds. Only the latest request is shown.
 */
export class LookupPanelElement extends HTMLElement {
  #latest = 0

  connectedCallback(): void {
    this.hidden = false
    onLookupRequest((request) => void this.#answer(request))
  }

  async #answer(request: LookupRequest): Promise<void> {
    const t = stringsFor()
    const sequence = ++this.#latest
    this.#status(t.panel.loading)
    this.setAttribute('aria-busy', 'true')

    const outcome = await fetchLookup(request)
    if (sequence !== this.#latest) return

    this.removeAttribute('aria-busy')
    this.#show(outcome, t)
    announceAnswer({
      origin: request.origin,
      location: answeredLocation(outcome, request),
      unitCode: outcome.kind === 'found' ? outcome.result.unit?.code : undefined,
    })

    const heading = this.querySelector<HTMLElement>('[data-heading]')
    if (request.origin !== 'map') {
      heading?.focus()
    } else if (window.matchMedia('(max-width: 48rem)').matches) {
      // On a phone the answer sits below the map: bring its first line into view after a tap,
      // leaving the map above it in sight.
      heading?.scrollIntoView({ behavior: 'smooth', block: 'nearest' })
    }
  }

  #show(outcome: LookupOutcome, t: Strings): void {
    const result = this.querySelector<HTMLElement>('[data-result]')
    if (!result) return

    result.replaceChildren()
    switch (outcome.kind) {
      case 'found':
        this.#status(t.panel.location(...formatLocation(outcome.result)))
        result.append(
          this.#unitCard(outcome.result.unit, t),
          this.#zoneList(outcome.result.zones, t),
          this.#ruleList(outcome.result.rules, t),
        )
        markChineseData(result)
        break
      case 'outside':
        this.#status(t.panel.outside, 'error', outcome.message)
        break
      case 'failed':
        this.#status(failureMessage(outcome, t), 'error', outcome.message)
    }
  }

  /** The status line, with the server's own message below it when there is one. */
  #status(text: string, tone?: 'error', detail?: string): void {
    const status = this.querySelector<HTMLElement>('[data-status]')
    const detailPart = this.querySelector<HTMLElement>('[data-detail]')
    if (!status || !detailPart) return

    status.textContent = text
    if (tone) status.dataset.tone = tone
    else delete status.dataset.tone
    // The server's words are English: introduced as such, and marked for screen readers.
    detailPart.replaceChildren(
      ...(detail === undefined ? [] : [detailLine(stringsFor().panel.serverSays, detail)]),
    )
    detailPart.hidden = detail === undefined
  }

  #unitCard(unit: LookupUnit | null, t: Strings): DocumentFragment {
    const card = this.#clone('unit-card')
    if (!unit) return card

    const unitClass = isTerm(UNIT_CLASSES, unit.class) ? unit.class : undefined
    fill(card, 'name', unit.name)
    fill(card, 'code', unit.code)
    fill(card, 'class', unitClass ? t.unitClass[unitClass] : unit.class)
    fill(card, 'district', unit.district_name ?? String(unit.district_adcode ?? ''))
    fill(
      card,
      'area',
      unit.area_km2 === undefined ? '' : t.panel.areaValue(unit.area_km2.toFixed(2)),
    )
    removeRowIf(card, 'district', !unit.district_name && unit.district_adcode === undefined)
    removeRowIf(card, 'area', unit.area_km2 === undefined)
    const unitPage = localePath(unitPagePath(unit.code), t.lang)
    card.querySelector('[data-unit-page-link]')?.setAttribute('href', unitPage)

    const swatch = card.querySelector<HTMLElement>('[data-swatch]')
    if (swatch && unitClass) {
      for (const [name, value] of Object.entries(areaSwatch(classLooks[unitClass]))) {
        swatch.style.setProperty(name, value)
      }
    }
    return card
  }

  #zoneList(zones: LookupZone[], t: Strings): DocumentFragment {
    const list = this.#clone('zone-list')
    const items = list.querySelector('[data-slot="items"]')
    removeRowIf(list, 'none', zones.length > 0)

    for (const zone of zones) {
      const item = this.#clone('zone-item')
      fill(item, 'layer', layerTitle(zone, t))
      fill(item, 'description', describeZone(zone, t))
      items?.append(item)
    }
    return list
  }

  #ruleList(rules: LookupRule[], t: Strings): DocumentFragment {
    const list = this.#clone('rule-list')
    const groups = list.querySelector('[data-slot="groups"]')
    removeRowIf(list, 'none', rules.length > 0)
    if (rules.length === 0) return list

    for (const { dimension, rules: grouped } of groupRulesByDimension(rules)) {
      const group = this.#clone('rule-group')
      fill(group, 'dimension', isTerm(DIMENSIONS, dimension) ? t.dimension[dimension] : dimension)
      fill(group, 'count', grouped.length > 0 ? `(${grouped.length})` : '')
      removeRowIf(group, 'none', grouped.length > 0)

      const items = group.querySelector('[data-slot="items"]')
      for (const rule of grouped) items?.append(this.#rule(rule, t))
      groups?.append(group)
    }
    return list
  }

  #rule(rule: LookupRule, t: Strings): DocumentFragment {
    const item = this.#clone('rule-item')
    const effect = isTerm(EFFECTS, rule.effect) ? rule.effect : undefined
    item.querySelector<HTMLElement>('.rule')?.setAttribute('data-effect', rule.effect)

    fill(item, 'effect', effect ? t.effect[effect] : rule.effect)
    fill(item, 'text', rule.text_zh)
    fill(item, 'basis', rule.legal_basis ?? '')
    fill(item, 'industries', rule.industries.join(t.writing.listSeparator))
    fill(item, 'code', rule.code)
    fill(item, 'scope', scopeText(rule, t) ?? '')
    removeRowIf(item, 'basis', !rule.legal_basis)
    removeRowIf(item, 'industries', rule.industries.length === 0)
    removeRowIf(item, 'scope', scopeText(rule, t) === undefined)
    return item
  }

  #clone(name: string): DocumentFragment {
    const template = this.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)
    if (!template) throw new Error(`the lookup panel has no template named ${name}`)

    return template.content.cloneNode(true) as DocumentFragment
  }
}

function fill(root: ParentNode, field: string, text: string): void {
  const element = root.querySelector(`[data-field="${field}"]`)
  if (element) element.textContent = text
}

function removeRowIf(root: ParentNode, row: string, condition: boolean): void {
  if (condition) root.querySelector(`[data-row="${row}"]`)?.remove()
}

function formatLocation(result: LookupResult): [string, string] {
  return [result.location.lon.toFixed(6), result.location.lat.toFixed(6)]
}

function answeredLocation(outcome: LookupOutcome, request: LookupRequest) {
  if (outcome.kind === 'found') return outcome.result.location
  if (outcome.kind === 'outside' && outcome.location) return outcome.location
  // A point the server refused may be no place at all (a latitude of 95): nothing to show.
  if (outcome.kind === 'failed' && outcome.reason === 'request') return undefined
  return request.crs === 'EPSG:4326' ? { lon: request.lon, lat: request.lat } : undefined
}

/** Where a rule reaches, for zone and distance rules; unit and class rules need no words. */
function scopeText(rule: LookupRule, t: Strings): string | undefined {
  const scope = rule.scope
  if (scope?.kind === 'zone' && scope.zone_name) return t.panel.withinZone(scope.zone_name)
  if (scope?.kind !== 'distance' || scope.within_m === undefined) return undefined

  const what = isTerm(LAYER_NAMES, scope.layer) ? t.layer[scope.layer] : t.panel.relatedZone
  const distance = scope.distance_m === undefined ? undefined : String(Math.round(scope.distance_m))
  return t.panel.withinDistance(what, String(Math.round(scope.within_m)), distance)
}

function failureMessage(outcome: Extract<LookupOutcome, { kind: 'failed' }>, t: Strings): string {
  switch (outcome.reason) {
    case 'network':
      return t.panel.errorNetwork
    case 'server':
      return t.panel.errorServer
    case 'request':
      return outcome.field
        ? t.panel.errorRequestField(fieldLabel(outcome.field, t))
        : t.panel.errorRequest
  }
}

function fieldLabel(field: string, t: Strings): string {
  if (field === 'lon') return t.lookupForm.lon
  if (field === 'lat') return t.lookupForm.lat
  if (field === 'crs') return t.lookupForm.crs
  return field
}
