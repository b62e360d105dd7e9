import { describe, expect, it } from 'vitest'
import {
  characterCount,
  chinaDateTimeInput,
  readDraft,
  readPlace,
  reportInit,
  type ReportDraft,
} from '../../../portal/src/report/report-request.ts'

const draft = (changes: Partial<ReportDraft> = {}): ReportDraft => ({
  category: 'water',
  place: '112.15, 27.075',
  datum: 'EPSG:4326',
  observedAt: '2025-05-01T08:30',
  description: '  河里有黑水流出  ',
  photos: [],
  contact: { name: '', phone: '', email: '' },
  ...changes,
})

const photo = (name: string, type: string, size = 10) =>
  new File([new Uint8Array(size)], name, { type })

describe('report draft', () => {
  it('writes the China clock time of an instant for datetime-local', () => {
    expect(chinaDateTimeInput(new Date('2025-05-01T16:30:45Z'))).toBe('2025-05-02T00:30')
    expect(chinaDateTimeInput(new Date('2024-12-31T15:59:00Z'))).toBe('2024-12-31T23:59')
  })

  it('counts characters as code points', () => {
    expect(characterCount('河水😀')).toBe(3)
    expect('河水😀'.length).toBe(4)
  })

  it('reads a place as lon, lat, latitude first put right', () => {
    expect(readPlace('112.15, 27.075')).toEqual({ lon: 112.15, lat: 27.075 })
    expect(readPlace('27.075，112.15')).toEqual({ lon: 112.15, lat: 27.075 })
    expect(readPlace('衡阳')).toBeUndefined()
  })

  it('finds every missing field of an empty form, in the order of the form', () => {
    const empty = draft({ category: '', place: ' ', observedAt: '', description: ' ' })
    expect(readDraft(empty)).toEqual({
      problems: ['category-missing', 'place-missing', 'observed-missing', 'description-missing'],
    })
  })

  it('refuses an unreadable place, a long description and unsuitable photos', () => {
    const long = '污'.repeat(2001)
    const photos = [
      photo('a.jpg', 'image/jpeg'),
      photo('b.gif', 'image/gif'),
      photo('c.png', 'image/png', 8 * 1024 * 1024 + 1),
      photo('d.jpg', 'image/jpeg'),
    ]
    expect(readDraft(draft({ place: '112.15', description: long, photos }))).toEqual({
      problems: [
        'place-unreadable',
        'description-too-long',
        'photos-too-many',
        'photo-type',
        'photo-too-large',
      ],
    })
    expect('problems' in readDraft(draft({ description: '污'.repeat(2000) }))).toBe(false)
  })

  it('sends a report without photos as JSON, time in +08:00, contact only when given', () => {
    const built = readDraft(draft({ datum: 'gcj02' }))
    if (!('request' in built)) throw new Error('expected a request')
    const init = reportInit(built.request)
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ 'content-type': 'application/json' })
    expect(JSON.parse(init.body as string)).toEqual({
      category: 'water',
      location: { lon: 112.15, lat: 27.075, crs: 'gcj02' },
      observedAt: '2025-05-01T08:30+08:00',
      description: '河里有黑水流出',
    })

    const withContact = readDraft(draft({ contact: { name: ' 张 ', phone: '', email: 'a@b.cn' } }))
    if (!('request' in withContact)) throw new Error('expected a request')
    expect(withContact.request.fields.contact).toEqual({ name: '张', email: 'a@b.cn' })
  })

  it('sends a report with photos as a form, place and contact as JSON text', async () => {
    const photos = [photo('河边.jpg', 'image/jpeg'), photo('b.png', 'image/png')]
    const built = readDraft(
      draft({ photos, contact: { name: '', phone: '13800000000', email: '' } }),
    )
    if (!('request' in built)) throw new Error('expected a request')
    const init = reportInit(built.request)
    expect(init.headers).not.toHaveProperty('content-type')
    const form = init.body as FormData
    expect(form.get('category')).toBe('water')
    expect(JSON.parse(form.get('location') as string)).toEqual({
      lon: 112.15,
      lat: 27.075,
      crs: 'EPSG:4326',
    })
    expect(JSON.parse(form.get('contact') as string)).toEqual({ phone: '13800000000' })
    expect(form.get('observedAt')).toBe('2025-05-01T08:30+08:00')
    const sent = form.getAll('photos') as File[]
    expect(sent.map((file) => file.name)).toEqual(['河边.jpg', 'b.png'])
    expect([...form.keys()].sort()).toEqual(
      ['category', 'contact', 'description', 'location', 'observedAt', 'photos', 'photos'].sort(),
    )
  })
})
