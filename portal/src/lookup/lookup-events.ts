import type { LookupQuery } from './lookup-client.ts'
import type { LonLat } from './lookup-types.ts'

/** Where a lookup was asked from; keyboard and form requests move focus to the answer. */
export type LookupOrigin = 'map' | 'centre' | 'form'

export interface LookupRequest extends LookupQuery {
  origin: LookupOrigin
}

export interface LookupAnswer {
  origin: LookupOrigin
  /** The queried point in WGS84, when known. */
  location?: LonLat
  unitCode?: string
}

const requested = 'ecozoning:lookup-requested'
const answered = 'ecozoning:lookup-answered'

declare global {
  interface DocumentEventMap {
    [requested]: CustomEvent<LookupRequest>
    [answered]: CustomEvent<LookupAnswer>
  }
}

/** Asks whichever lookup panel is on the page to look a point up. */
export function requestLookup(request: LookupRequest): void {
  document.dispatchEvent(new CustomEvent(requested, { detail: request }))
}

export function onLookupRequest(handler: (request: LookupRequest) => void): void {
  document.addEventListener(requested, (event) => handler(event.detail))
}

/** Tells the map and the form where the last lookup landed. */
export function announceAnswer(answer: LookupAnswer): void {
  document.dispatchEvent(new CustomEvent(answered, { detail: answer }))
}

export function onLookupAnswer(handler: (answer: LookupAnswer) => void): void {
  document.addEventListener(answered, (event) => handler(event.detail))
}
