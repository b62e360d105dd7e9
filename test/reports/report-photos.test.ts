import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { staffFetch, tokenFor } from '../staff/support/staff-client.ts'
import {
  GPS_TEXT,
  exifWithGps,
  jpegSegments,
  jpegWith,
  pngChunk,
  pngChunkTypes,
  pngWith,
} from './support/photo-files.ts'
import { postReportForm, reportAt, type ReportAnswer } from './support/report-requests.ts'

const GPS_POINTER = Buffer.from([0x88, 0x25, 0x00, 0x04])

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`report photos ${backend.title}`, () => {
    let server: TestServer
    let token: string
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { reportsPerHour: 100_000 })
      token = await tokenFor(server.db, 'viewer')
    })
    afterAll(() => server?.close())

    it('come back to staff without their GPS position or text metadata', async () => {
      const jpeg = jpegWith([exifWithGps()])
      const png = pngWith([
        pngChunk('eXIf', exifWithGps().subarray(10)),
        pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT}`, 'latin1')),
      ])
      expect(jpeg.includes(GPS_TEXT) && png.includes(GPS_TEXT)).toBe(true)

      const response = await postReportForm(server, reportAt(112.03, 27.03), [
        { name: 'river.jpg', type: 'image/jpeg', bytes: jpeg },
        // Declared as JPEG, told as PNG by its content.
        { name: 'bank.jpg', type: 'image/jpeg', bytes: png },
      ])
      expect(response.status).toBe(201)
      const { trackingCode } = (await response.json()) as ReportAnswer

      const detail = await staffFetch(server, token, `/api/staff/reports/${trackingCode}`)
      const { photos } = (await detail.json()) as {
        photos: { position: number; mediaType: string; url: string }[]
      }
      expect(photos.map((p) => p.mediaType)).toEqual(['image/jpeg', 'image/png'])

      const first = await staffFetch(server, token, photos[0]!.url)
      expect(first.headers.get('content-type')).toBe('image/jpeg')
      const jpegBack = Buffer.from(await first.arrayBuffer())
      expect(jpegSegments(jpegBack).map((s) => s.marker)).not.toContain(0xe1)
      expect(jpegBack.includes(GPS_TEXT)).toBe(false)
      expect(jpegBack.includes(GPS_POINTER)).toBe(false)
      expect(jpegBack.equals(jpegWith())).toBe(true)

      const second = await staffFetch(server, token, photos[1]!.url)
      expect(second.headers.get('content-type')).toBe('image/png')
      const pngBack = Buffer.from(await second.arrayBuffer())
      expect(pngChunkTypes(pngBack)).toEqual(['IHDR', 'IDAT', 'IEND'])
      expect(pngBack.includes(GPS_TEXT)).toBe(false)

      const [row] = await server.db.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM report_photos p JOIN reports r ON r.id = p.report_id
          WHERE r.tracking_code = $1 AND position(convert_to($2, 'UTF8') IN p.bytes) > 0`,
        [trackingCode, GPS_TEXT],
      )
      expect(row!.n).toBe(0)
    })

    it('are not part of the public answer', async () => {
      const response = await postReportForm(server, reportAt(112.03, 27.03), [
        { name: 'a.png', type: 'image/png', bytes: pngWith() },
      ])
      const text = await response.text()
      expect(response.status).toBe(201)
      expect(text).not.toMatch(/photo/i)
    })
  })
}
