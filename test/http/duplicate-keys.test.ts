import { describe, expect, it } from 'vitest'
import { findDuplicateKey } from '../../server/http/duplicate-keys.ts'

describe('finding repeated keys in JSON', () => {
  it('names the path of the first key given twice in one object', () => {
    expect(findDuplicateKey('{"category":"water","category":"air"}')).toBe('category')
    expect(findDuplicateKey('{"location":{"lon":112.57,"lat":26.89,"lat":26.5}}')).toBe(
      'location.lat',
    )
    expect(findDuplicateKey('{"items":[{"a":1},{"a":1,"b":2,"a":3}]}')).toBe('items[1].a')
    expect(findDuplicateKey('[[1,2],{"x":{"y":1,"y":2}}]')).toBe('[1].x.y')
    // Keys compare as the strings they stand for, escapes read.
    expect(findDuplicateKey('{"a\\u0062":1,"ab":2}')).toBe('ab')
  })

  it('lets the same key live in different objects, and strings hold anything', () => {
    const text = JSON.stringify({
      a: { id: 1, name: 'x' },
      b: { id: 2, name: '"id": 3, {"id": 4}' },
      c: [{ id: 5 }, { id: 6 }],
      'quote"d': '\\',
    })
    expect(findDuplicateKey(text)).toBeUndefined()
    expect(findDuplicateKey('{}')).toBeUndefined()
    expect(findDuplicateKey('"a"')).toBeUndefined()
    expect(findDuplicateKey(' { "a" : [ ] , "b" : { } } ')).toBeUndefined()
  })
})
