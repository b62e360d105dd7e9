import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Feature, FeatureCollection } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toFeatureRows } from '../../server/import/feature-rows.ts'
import { replaceLayer } from '../../server/import/layer-import.ts'
import { readLayers } from '../../server/tiles/layer-catalog.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

interface Answer {
  id: string
  inputSha256: string
  verdict: string
  rules: { code: string }[]
  nearby: { within_m: number; zones: { layer: string; distance_m: number }[] }
  dataVersions: Record<string, number>
  accessList: { rules: number; sha256: string }
}

interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] })

/** Moves every water-source zone 0.5° east, out of the test district, through the importer. */
async function moveWaterSources(server: TestServer) {
  const file = path.join(FIXTURE_DATASET, 'water_source_zones.geojson')
  const collection = JSON.parse(await readFile(file, 'utf8')) as FeatureCollection
  const moved = collection.features.map((feature) => {
    const shifted = JSON.parse(JSON.stringify(feature.geometry), (key, value: unknown) =>
      key === '0' && typeof value === 'number' && value > 100 ? value + 0.5 : value,
    )
    return { ...feature, geometry: shifted } as Feature
  })
  const layer = (await readLayers(server.db)).find((l) => l.name === 'water_source_zones')!
  await server.db.transaction((tx) =>
    replaceLayer(tx, layer, toFeatureRows(layer, moved, 'moved.geojson'), 'moved.geojson'),
  )
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`stored admission checks ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      // A shorter reach than the default, to see the setting at work.
      server = await startTestServer(backend, 'fixture', { admissionNearbyM: 2500 })
    })
    afterAll(() => server?.close())

    const post = async (body: object) => {
      const response = await server.postJson('/api/admission-check', body)
      expect(response.status).toBe(200)
      const text = await response.text()
      return { text, answer: JSON.parse(text) as Answer }
    }
    const fetchCheck = (id: string) => server.get(`/api/admission-check/${id}`)

    it('hashes the canonical input, however the client spelled it', async () => {
      const first = await post({ geometry: point(112.03, 27.03), industry: 'C2614' })
      const second = await post({
        projectKind: 'new',
        industry: ' c2614 ',
        geometry: { coordinates: [112.03, 27.03], type: 'Point' },
      })
      // RFC 8785 canonical JSON of the input, written out by hand.
      const canonical =
        '{"crs":"EPSG:4326","industry":"C2614","projectKind":"new",' +
        '"site":{"field":"geometry","value":{"coordinates":[112.03,27.03],"type":"Point"}}}'
      const expected = createHash('sha256').update(canonical).digest('hex')
      expect(first.answer.inputSha256).toBe(expected)
      expect(second.answer.inputSha256).toBe(expected)

      const other = await post({
        geometry: point(112.03, 27.03),
        industry: 'C2614',
        projectKind: 'expansion',
      })
      expect(other.answer.inputSha256).not.toBe(expected)
    })

    it('stores the answer before sending it', async () => {
      const { text, answer } = await post({ geometry: point(112.03, 27.03), industry: 'M73' })
      const [row] = await server.db.query<{ answer: string; input_sha256: string }>(
        'SELECT answer::text AS answer, input_sha256 FROM admission_checks WHERE id = $1',
        [answer.id],
      )
      expect(row?.answer).toBe(text)
      expect(row?.input_sha256).toBe(answer.inputSha256)
    })

    it('lists sensitive zones only within the configured distance', async () => {
      // The reserve core is about 1.7 km away, the level-2 ring about 2 km, level 1 about 3 km.
      const { answer } = await post({ geometry: point(112.07, 27.045), industry: 'M73' })
      expect(answer.nearby.within_m).toBe(2500)
      expect(answer.nearby.zones.map((z) => z.layer)).toEqual([
        'nature_reserve_zones',
        'water_source_zones',
      ])
    })

    it('answers a stored check again unchanged after the data has changed', async () => {
      const request = { geometry: point(112.03, 27.03), industry: 'C2614' }
      const before = await post(request)
      expect(before.answer.verdict).toBe('forbidden')
      expect(before.answer.rules.map((r) => r.code)).toContain('T01')

      const again = await fetchCheck(before.answer.id)
      expect(again.status).toBe(200)
      expect(again.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await again.text()).toBe(before.text)

      await moveWaterSources(server)
      await server.db.query("UPDATE rules SET text_zh = text_zh || '（修订）' WHERE code = 'T08'")

      const now = await post(request)
      expect(now.answer.rules.map((r) => r.code)).not.toContain('T01')
      expect(now.answer.dataVersions.water_source_zones).toBe(
        before.answer.dataVersions.water_source_zones! + 1,
      )
      expect(now.answer.accessList.sha256).not.toBe(before.answer.accessList.sha256)
      expect(now.answer.inputSha256).toBe(before.answer.inputSha256)

      const later = await fetchCheck(before.answer.id)
      expect(later.status).toBe(200)
      expect(await later.text()).toBe(before.text)
    })

    describe('bad ids', () => {
      // [case, id, status, code]
      const cases: [string, string, number, string][] = [
        ['an unknown id', 'AAAAAAAAAAAAAAAAAAAAAA', 404, 'CHECK_NOT_FOUND'],
        ['a short id', 'abc', 400, 'CHECK_ID_INVALID'],
        ['a long id', 'A'.repeat(23), 400, 'CHECK_ID_INVALID'],
        ['an id with other characters', `${'A'.repeat(21)}%21`, 400, 'CHECK_ID_INVALID'],
        ['an id with a dot', `${'A'.repeat(21)}.`, 400, 'CHECK_ID_INVALID'],
      ]
      it.each(cases)('rejects %s', async (_, id, status, code) => {
        const response = await fetchCheck(id)
        expect(response.status).toBe(status)
        const body = (await response.json()) as ErrorBody
        expect(body.error.code).toBe(code)
        expect(body.error.field).toBe('id')
        expect(body.error.message.length).toBeGreaterThan(10)
      })
    })
  })
}
