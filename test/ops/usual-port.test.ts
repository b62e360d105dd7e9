import { describe, expect, it } from 'vitest'
import { usualListenerNote } from '../../server/ops/usual-port.ts'

describe('the note on what usually listens on a port', () => {
  it.each([
    ['postgres://u@db:6379/zoning', 'PostgreSQL', ' (port 6379 is where Redis usually listens)'],
    ['redis://cache:5432', 'Redis', ' (port 5432 is where PostgreSQL usually listens)'],
    ['postgres://u@db:80/zoning', 'PostgreSQL', ' (port 80 is where a web server usually listens)'],
  ])('names the service %s usually reaches', (url, expected, note) => {
    expect(usualListenerNote(url, expected)).toBe(note)
  })

  it.each([
    ['postgres://u@db:5432/zoning', 'PostgreSQL'],
    ['postgres://u@db/zoning', 'PostgreSQL'],
    ['redis://cache:16379', 'Redis'],
    ['not a url', 'Redis'],
  ])('says nothing for %s', (url, expected) => {
    expect(usualListenerNote(url, expected)).toBe('')
  })
})
