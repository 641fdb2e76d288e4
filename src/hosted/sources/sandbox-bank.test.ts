import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  SANDBOX_HOLDERS,
  SANDBOX_MARKETS,
  SANDBOX_PROFILES,
  sandboxAccounts,
  sandboxBank,
} from './sandbox-bank.ts'

const TODAY = '2026-12-05'

describe('sandbox bank', () => {
  it('holds a year of a checking account in the holder name plus savings or a card, per login', () => {
    for (const profile of SANDBOX_PROFILES) {
      for (const market of SANDBOX_MARKETS) {
        const username = `${profile}-${market}`
        const accounts = sandboxAccounts(username, TODAY) ?? []
        const types = accounts.map((a) => a.type).sort()
        assert.equal(types[0], 'CHECKING', username)
        assert.ok(types.includes('SAVINGS') || types.includes('CREDIT_CARD'), username)
        const checking = accounts.find((a) => a.type === 'CHECKING')
        assert.equal(checking?.owners[0]?.name, SANDBOX_HOLDERS[username])
        const dates = checking?.transactions.map((t) => t.date).sort() ?? []
        assert.ok((dates.at(-1) ?? '') < TODAY, `${username}: ends before today`)
        assert.ok((dates[0] ?? '') <= '2026-01-15', `${username}: about a year`)
      }
    }
  })

  it('gives the same data to the same login, other data to another', () => {
    assert.deepEqual(sandboxAccounts('risky-uk', TODAY), sandboxAccounts('RISKY-UK ', TODAY))
    const a = sandboxAccounts('risky-uk', TODAY)?.[0]?.transactions.length
    const b = sandboxAccounts('risky-es', TODAY)?.[0]?.transactions.length
    assert.ok(a && b)
    assert.notDeepEqual(sandboxAccounts('risky-uk', TODAY), sandboxAccounts('risky-es', TODAY))
  })

  it('answers the user errors of a wrong login', async () => {
    assert.equal(sandboxBank.checkStep?.(0, { username: 'nobody', pin: '1234' }), 'e10000')
    assert.equal(sandboxBank.checkStep?.(0, { username: 'good-fr', pin: '1111' }), 'e10001')
    assert.equal(sandboxBank.checkStep?.(0, { username: 'good-fr', pin: '1234' }), undefined)
    assert.equal(sandboxBank.checkStep?.(1, { otp: '000000' }), 'e10004')
    const wrong = await sandboxBank.fetch({
      fields: { username: 'good-fr', otp: '1' },
      files: [],
      today: TODAY,
    })
    assert.deepEqual(wrong, { ok: false, error: 'e10004' })
    const ok = await sandboxBank.fetch({
      fields: { username: 'good-fr', otp: '123456' },
      files: [],
      today: TODAY,
    })
    assert.equal(ok.ok, true)
  })
})
