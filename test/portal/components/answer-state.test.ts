import { describe, expect, it } from 'vitest'
import { failedMessage } from '../../../portal/src/components/answer-state.ts'
import { zh } from '../../../portal/src/i18n/zh.ts'

describe('failedMessage', () => {
  const texts = { failedHeading: 'heading', errorNetwork: 'network', errorServer: 'server' }

  it('blames the network or the server, under the failure heading', () => {
    expect(failedMessage('network', texts)).toEqual({ heading: 'heading', paragraphs: ['network'] })
    expect(failedMessage('server', texts)).toEqual({ heading: 'heading', paragraphs: ['server'] })
  })

  it('takes the words of the unit page and of the check report', () => {
    expect(failedMessage('server', zh.units).paragraphs).toEqual([zh.units.errorServer])
    expect(failedMessage('network', zh.check).heading).toBe(zh.check.failedHeading)
  })
})
