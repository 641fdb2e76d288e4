import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RiskReportError } from './errors.ts'
import { validateLink } from './validate.ts'

const problems = (body: unknown, access: 'onetime' | 'ongoing' = 'onetime', live = false) => {
  try {
    validateLink(body, access, live)
    return undefined
  } catch (error) {
    assert.ok(error instanceof RiskReportError)
    assert.equal(error.code, 1000)
    return error.data
  }
}

describe('widget link body', () => {
  it('applies the vendor defaults', () => {
    const { parameters } = validateLink({ redirect_uri: 'https://a.example/cb' }, 'onetime', true)
    assert.deepEqual(parameters, {
      redirect_uri: 'https://a.example/cb',
      language: 'de',
      reporting_period: 12,
      allow_multi_selection: true,
    })
  })

  it('names every bad field at once', () => {
    assert.deepEqual(
      Object.keys(
        problems({
          redirect_uri: 'ftp://x',
          language: 'pt',
          reporting_period: 1.5,
          accounts: [{ id: '' }],
          account_types: ['Brokerage'],
          allow_multi_selection: 'yes',
        }) ?? {},
      ).sort(),
      [
        'account_types',
        'accounts.0.id',
        'allow_multi_selection',
        'language',
        'redirect_uri',
        'reporting_period',
      ],
    )
    assert.deepEqual(problems({ redirect_uri: 'https://a.example' }, 'ongoing'), {
      user_id: ['Missing data for required field.'],
    })
  })

  it('takes http on localhost from a test client only', () => {
    assert.equal(problems({ redirect_uri: 'http://localhost:8080/cb' }), undefined)
    assert.deepEqual(problems({ redirect_uri: 'http://localhost:8080/cb' }, 'onetime', true), {
      redirect_uri: ['Not a valid HTTPS URL.'],
    })
    assert.ok(problems({ redirect_uri: 'http://example.com/cb' }))
  })
})
