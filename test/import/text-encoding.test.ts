import { describe, expect, it } from 'vitest'
import { parseTextEncoding } from '../../server/import/text-encoding.ts'

describe('parseTextEncoding', () => {
  it('reads the names .cpg files give GBK', () => {
    for (const name of ['GBK', 'gbk', '936', 'CP936', 'ANSI 936', 'GB2312', 'windows-936']) {
      expect(parseTextEncoding(name), name).toBe('gbk')
    }
  })

  it('reads UTF-8, GB18030 and Big5 by name and by code page', () => {
    expect(parseTextEncoding('UTF-8')).toBe('utf-8')
    expect(parseTextEncoding('utf8\r\n')).toBe('utf-8')
    expect(parseTextEncoding('65001')).toBe('utf-8')
    expect(parseTextEncoding('GB18030')).toBe('gb18030')
    expect(parseTextEncoding('54936')).toBe('gb18030')
    expect(parseTextEncoding('950')).toBe('big5')
  })

  it('returns undefined for names that are no encoding', () => {
    for (const name of ['System', 'OEM', 'bogus', '', '12345', 'utf-16le', 'iso-2022-kr']) {
      expect(parseTextEncoding(name), name).toBeUndefined()
    }
  })
})
