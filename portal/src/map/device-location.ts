import { stringsFor } from '../i18n/index.ts'

/** Decimals shown for a located point: 1e-6° is about 0.1 m, finer than any phone's fix. */
const DECIMALS = 6

/**
 * Asks the browser where the device is and reports each step through `say`. The Geolocation
 * API answers in WGS84, which the lookup and the report take as they are; a point copied from
 * a Chinese map app is GCJ-02 and must be typed into a form with its datum instead.
 */
export function locateDevice(
  say: (text: string) => void,
  found: (lonLat: [number, number]) => void,
): void {
  const t = stringsFor().locate
  if (!window.isSecureContext) {
    say(t.insecure)
    return
  }
  if (!('geolocation' in navigator)) {
    say(t.unsupported)
    return
  }

  say(t.locating)
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => {
      found([coords.longitude, coords.latitude])
      say(
        t.located(
          coords.longitude.toFixed(DECIMALS),
          coords.latitude.toFixed(DECIMALS),
          String(Math.round(coords.accuracy)),
        ),
      )
    },
    () => say(t.failed),
    // A fix of up to a minute ago is still where a person on foot stands.
    { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
  )
}
