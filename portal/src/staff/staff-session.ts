/**
 * The staff token of this tab. It lives in sessionStorage alone: gone when the tab closes,
 * never in a cookie (so no other request carries it) nor in localStorage (so it outlives
 * nothing), and never in a URL.
 */
const KEY = 'ecozoning.staff-token'

export function savedToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined
  } catch {
    // Storage may be switched off; the page then asks for the token on each visit.
    return undefined
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token)
  } catch {
    // As above: the token then lasts as long as the page.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    // Nothing was kept.
  }
}
