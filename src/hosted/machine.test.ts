import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { initialState, stepsOf, transition, type FlowEvent, type FlowState } from './machine.ts'

const walk = (session: Parameters<typeof initialState>[0], events: FlowEvent[]): FlowState =>
  events.reduce((state, event) => transition(state, session, event), initialState(session))

describe('hosted page screens', () => {
  it('goes consent → type → source → login → code → selection', () => {
    const session = {}
    const steps = [
      { type: 'accept' },
      { type: 'choose-types', types: ['Giro account'] },
      { type: 'choose-source', source: 'sandbox' },
      { type: 'login-ok', username: 'good-fr' },
      { type: 'otp-ok' },
    ] satisfies FlowEvent[]
    const seen = steps.map((_, i) => walk(session, steps.slice(0, i + 1)).step)
    assert.deepEqual(seen, ['account-type', 'source', 'login', 'otp', 'select'])
    assert.equal(walk(session, steps).username, undefined, 'the user name is dropped after login')
    assert.deepEqual(walk(session, steps).accountTypes, ['Giro account'])
  })

  it('skips the type screen when the caller gave account types, and counts steps', () => {
    const session = { accountTypes: ['Savings account' as const] }
    assert.equal(walk(session, [{ type: 'accept' }]).step, 'source')
    assert.deepEqual(walk(session, [{ type: 'accept' }]).accountTypes, ['Savings account'])
    assert.deepEqual(stepsOf(session, 'upload'), ['consent', 'source', 'upload', 'select'])
    assert.equal(stepsOf({}, 'sandbox').length, 6)
  })

  it('ignores events of another screen, goes back, shows a refusal once', () => {
    const session = {}
    assert.equal(walk(session, [{ type: 'otp-ok' }]).step, 'consent')
    const atLogin = walk(session, [
      { type: 'accept' },
      { type: 'choose-types', types: ['Giro account'] },
      { type: 'choose-source', source: 'sandbox' },
      { type: 'refused', error: 'e10001' },
    ])
    assert.equal(atLogin.step, 'login')
    assert.equal(atLogin.error, 'e10001')
    const back = transition(atLogin, session, { type: 'back' })
    assert.equal(back.step, 'source')
    assert.equal(back.error, undefined)
    assert.equal(transition(back, session, { type: 'back' }).step, 'account-type')
  })
})
