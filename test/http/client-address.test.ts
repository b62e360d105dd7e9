import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// An unknown code: each lookup is a 404 that counts toward the per-client limit of 2.
const LOOKUP = '/api/reports/00000-00000-00000-00000'

for (const hops of [1, 0]) {
  describe(`the client's address with ${hops} trusted proxies`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(BACKENDS[0]!, 'fixture', {
        trustProxyHops: hops,
        reportLookupsPerMinute: 2,
      })
    })
    afterAll(() => server?.close())

    const lookup = (forwardedFor: string) =>
      server.get(LOOKUP, { headers: { 'X-Forwarded-For': forwardedFor } }).then((r) => r.status)

    it(
      hops === 1
        ? 'is the one the proxy added, whatever the client wrote before it'
        : 'is the socket peer, whatever X-Forwarded-For says',
      async () => {
        expect(await lookup('198.51.100.1')).toBe(404)
        expect(await lookup('198.51.100.1')).toBe(404)
        expect(await lookup('198.51.100.1')).toBe(429)
        // The client wrote .1 and the proxy added .2: another client, with a limit of its own.
        expect(await lookup('198.51.100.1, 198.51.100.2')).toBe(hops === 1 ? 404 : 429)
        // .1 again, claiming to be .9 in front: still .1, still limited.
        expect(await lookup('198.51.100.9, 198.51.100.1')).toBe(429)
      },
    )
  })
}
