// Ports that one kind of server holds on most machines: a URL whose port is another service's is
// the likeliest reason a server there "does not answer" in the expected protocol.
const USUAL_SERVICES: Record<number, string> = {
  80: 'a web server',
  443: 'a web server (HTTPS)',
  5432: 'PostgreSQL',
  6379: 'Redis',
  8080: 'a web server (and this one, by default)',
}

/**
 * A clause naming what usually listens on the port of `url`, when that is not `expected`:
 * ' (port 6379 is where Redis usually listens)'. Empty when the port is not a known one, is
 * `expected`'s, or the URL does not parse. Pure.
 */
export function usualListenerNote(url: string, expected: string): string {
  let port: number
  try {
    port = Number(new URL(url).port)
  } catch {
    return ''
  }
  const usual = USUAL_SERVICES[port]
  return usual && usual !== expected ? ` (port ${port} is where ${usual} usually listens)` : ''
}
