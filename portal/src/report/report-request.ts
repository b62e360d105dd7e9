import { parsePair } from '../lookup/coordinate-pair.ts'
import { isTerm } from '../zoning/zoning-terms.ts'
import {
  DESCRIPTION_MAX,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  PHOTOS_MAX,
  REPORT_CATEGORIES,
  type PlaceDatum,
  type ReportCategory,
  type ReportProblem,
} from './report-terms.ts'

/** Where `POST` sends a report. */
export const REPORTS_URL = '/api/reports'

/** The form as filled in, every text as typed. */
export interface ReportDraft {
  category: string
  /** "lon, lat" in the datum below; a pair written latitude first is put right. */
  place: string
  datum: PlaceDatum
  /** A `datetime-local` value, YYYY-MM-DDTHH:MM, in China Standard Time. */
  observedAt: string
  description: string
  photos: readonly File[]
  contact: { name: string; phone: string; email: string }
}

/** A report's fields as the API reads them, and its photos. */
export interface ReportRequest {
  fields: {
    category: ReportCategory
    location: { lon: number; lat: number; crs: PlaceDatum }
    observedAt: string
    description: string
    contact?: { name?: string; phone?: string; email?: string }
  }
  photos: readonly File[]
}

/** China Standard Time has no daylight saving: always eight hours ahead of UTC. */
const CHINA_OFFSET_MS = 8 * 3_600_000

/** A time as a `datetime-local` value (YYYY-MM-DDTHH:MM) on the clock in China. */
export function chinaDateTimeInput(time: Date): string {
  return new Date(time.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16)
}

/** Characters as the API counts them: code points, so an emoji or a rare character is one. */
export function characterCount(text: string): number {
  return [...text].length
}

/** A place typed as "lon, lat" as two numbers; undefined when it is not two numbers. */
export function readPlace(text: string): { lon: number; lat: number } | undefined {
  const pair = parsePair(text)
  if (!pair) return undefined
  return { lon: Number(pair[0]), lat: Number(pair[1]) }
}

/**
 * The request a draft makes, or every problem the form finds in it, in the order of the form.
 * The observation time goes with the +08:00 offset it was typed in; contact parts left empty
 * are left out, and the contact with them when all are.
 */
export function readDraft(
  draft: ReportDraft,
): { request: ReportRequest } | { problems: ReportProblem[] } {
  const problems: ReportProblem[] = []
  const category = draft.category
  if (!isTerm(REPORT_CATEGORIES, category)) problems.push('category-missing')

  const place = readPlace(draft.place)
  if (draft.place.trim() === '') problems.push('place-missing')
  else if (!place) problems.push('place-unreadable')

  const observedAt = draft.observedAt.trim()
  if (observedAt === '') problems.push('observed-missing')

  const description = draft.description.trim()
  if (description === '') problems.push('description-missing')
  else if (characterCount(description) > DESCRIPTION_MAX) problems.push('description-too-long')

  problems.push(...photoProblems(draft.photos))
  if (problems.length > 0 || !isTerm(REPORT_CATEGORIES, category) || !place) return { problems }

  const contact = Object.fromEntries(
    Object.entries(draft.contact)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  )
  return {
    request: {
      fields: {
        category,
        location: { ...place, crs: draft.datum },
        observedAt: `${observedAt}+08:00`,
        description,
        ...(Object.keys(contact).length > 0 ? { contact } : {}),
      },
      photos: draft.photos,
    },
  }
}

/** What is wrong with the chosen photos: too many, of another type, or too large. */
export function photoProblems(photos: readonly File[]): ReportProblem[] {
  const problems: ReportProblem[] = []
  if (photos.length > PHOTOS_MAX) problems.push('photos-too-many')
  if (photos.some((photo) => !isTerm(PHOTO_TYPES, photo.type))) problems.push('photo-type')
  if (photos.some((photo) => photo.size > PHOTO_MAX_BYTES)) problems.push('photo-too-large')
  return problems
}

/**
 * The request's method, headers and body: JSON without photos; with photos a
 * multipart/form-data form whose `location` and `contact` are JSON text, as the API reads it.
 */
export function reportInit(request: ReportRequest): RequestInit {
  const headers = { accept: 'application/json' }
  if (request.photos.length === 0) {
    return {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(request.fields),
    }
  }

  const { category, location, observedAt, description, contact } = request.fields
  const form = new FormData()
  form.append('category', category)
  form.append('location', JSON.stringify(location))
  form.append('observedAt', observedAt)
  form.append('description', description)
  if (contact) form.append('contact', JSON.stringify(contact))
  for (const photo of request.photos) form.append('photos', photo, photo.name)
  // The browser writes the multipart Content-Type, with its boundary, itself.
  return { method: 'POST', headers, body: form }
}
