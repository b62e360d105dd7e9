import type { TestServer } from '../../support/test-server.ts'

/** A valid report at `lon`, `lat` (WGS84) with a time an hour ago. */
export function reportAt(lon: number, lat: number, overrides: Record<string, unknown> = {}) {
  return {
    category: 'water',
    location: { lon, lat },
    observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: '河水发黑发臭，有死鱼。',
    ...overrides,
  }
}

export interface PhotoPart {
  field?: string
  name: string
  type: string
  bytes: Buffer
}

/** Posts a report as multipart/form-data, objects as JSON text, photos in `photos`. */
export function postReportForm(
  server: TestServer,
  fields: Record<string, unknown>,
  photos: PhotoPart[] = [],
): Promise<Response> {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, typeof value === 'string' ? value : JSON.stringify(value))
  }
  for (const photo of photos) {
    form.append(
      photo.field ?? 'photos',
      new Blob([new Uint8Array(photo.bytes)], { type: photo.type }),
      photo.name,
    )
  }
  return fetch(`${server.url}/api/reports`, { method: 'POST', body: form })
}

export interface ReportAnswer {
  trackingCode: string
  status: string
  category: string
  unit: { code: string; name: string; class: string } | null
  district: { adcode: number; name: string } | null
  deadlines: { acceptBy: string; closeBy: string | null; overdue: string | null }
  history: { status: string; at: string; referredTo?: string }[]
}

export type { ErrorAnswer, ErrorProblem } from '../../support/error-answers.ts'
