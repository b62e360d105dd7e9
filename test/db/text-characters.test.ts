import { describe, expect, it } from 'vitest'
import { freeTextProblem, labelTextProblem } from '../../server/db/text-characters.ts'

const ONE_LINE = 'write the text on one line, without tabs.'
const READS_OTHERWISE = 'which would make the text read other than it is; remove it.'
const REORDERS = 'which reorders the text after it on screen; remove it.'
const DAMAGED =
  'the mark a decoder leaves for bytes it could not read; give the text as it was before it ' +
  'was damaged.'

describe('labels', () => {
  it.each(['衡阳市生态环境分区管控成果', 'ZH43040620001', 'Hengyang zoning, 2024 (v2)', '〇'])(
    'take %j',
    (text) => expect(labelTextProblem(text)).toBeUndefined(),
  )

  it.each([
    ['a\tb', `Holds the control character U+0009 at character 2; ${ONE_LINE}`],
    ['名称\n', `Holds the control character U+000A at character 3; ${ONE_LINE}`],
    ['C2614\u200b', `Holds the invisible character U+200B at character 6, ${READS_OTHERWISE}`],
    ['ab\u202Ec', `Holds the invisible character U+202E at character 3, ${READS_OTHERWISE}`],
    ['\uFFFD', `Holds U+FFFD at character 1, ${DAMAGED}`],
    // Counted in characters, not UTF-16 units: 𠀀 is one character of two units.
    ['𠀀a\u0007', `Holds the control character U+0007 at character 3; ${ONE_LINE}`],
  ])('refuse %j', (text, problem) => expect(labelTextProblem(text)).toBe(problem))
})

describe('free text', () => {
  it.each(['第一行\n第二行', 'a\tb\r\nc', '工厂烟囱冒黑烟 👨‍👩‍👧'])('keeps %j', (text) =>
    expect(freeTextProblem(text)).toBeUndefined(),
  )

  it.each([
    ['a\u0001b', 'Holds the control character U+0001 at character 2; remove it.'],
    ['禁止\u202E新建', `Holds the direction control U+202E at character 3, ${REORDERS}`],
    ['x\u2066y', `Holds the direction control U+2066 at character 2, ${REORDERS}`],
    ['坏\uFFFD', `Holds U+FFFD at character 2, ${DAMAGED}`],
  ])('refuses %j', (text, problem) => expect(freeTextProblem(text)).toBe(problem))
})
