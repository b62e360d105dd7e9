/** West, south, east, north, WGS84 degrees. */
export type Bounds = [number, number, number, number]

const fitRequested = 'ecozoning:fit-requested'

declare global {
  interface DocumentEventMap {
    [fitRequested]: CustomEvent<Bounds>
  }
}

/**
 * Asks the page's map to show the whole extent, e.g. a park or district found by the search.
 * Returns false when no map took the request (none on the page, or it could not draw).
 */
export function requestFit(bounds: Bounds): boolean {
  const event = new CustomEvent(fitRequested, { detail: bounds, cancelable: true })
  // A map that takes the request cancels the event, so dispatching returns false.
  return !document.dispatchEvent(event)
}

export function onFitRequest(handler: (bounds: Bounds) => void): void {
  document.addEventListener(fitRequested, (event) => {
    event.preventDefault()
    handler(event.detail)
  })
}
