import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { isMainThread } from 'node:worker_threads'
import { test } from 'node:test'
import { computeAnalysis, type AnalysisInput } from '../app/run-analysis.ts'
import { parseBody } from '../adapters/index.ts'
import { analyse } from '../engine/analyse.ts'
import { encodeAnalysisResult } from '../store/analyses.ts'
import { createEnginePool } from './engine-pool.ts'

/** The harry_potter fixture as the store hands it to an analysis. */
const input = async (): Promise<AnalysisInput> => {
  const body: unknown = JSON.parse(
    await readFile(
      new URL('../../test/fixtures/algoan/harry_potter.json', import.meta.url),
      'utf8',
    ),
  )
  const { accounts } = parseBody(body, undefined)
  const at = new Date('2026-08-22T00:00:00.000Z')
  return {
    stored: {
      accounts: accounts.map(({ transactions: _t, ...account }) => ({
        account,
        createdAt: at,
        updatedAt: at,
      })),
      transactionTexts: [
        JSON.stringify(
          accounts.flatMap((account) =>
            account.transactions.map(({ id, accountId, ...data }) => ({
              id,
              account_id: accountId,
              data,
            })),
          ),
        ),
      ],
    },
    customerNames: ['Harry Potter'],
    warnings: [],
    context: { supportedCurrencies: ['EUR', 'GBP'] },
  }
}

test('the engine runs on a worker thread and gives what it gives inline, byte for byte', async () => {
  const pool = createEnginePool({ threads: 1, maxQueue: 4 })
  try {
    const given = await input()
    const inline = computeAnalysis(given, analyse, encodeAnalysisResult)
    const threaded = await pool.run(given)
    assert.equal(threaded.status, 'COMPLETED')
    assert.deepEqual(threaded, inline)
    assert.ok(isMainThread)
  } finally {
    await pool.close()
  }
})

test('its queue is bounded: a task past it is refused, the others complete', async () => {
  const pool = createEnginePool({ threads: 1, maxQueue: 1 })
  try {
    const given = await input()
    const runs = [pool.run(given), pool.run(given), pool.run(given), pool.run(given)]
    const settled = await Promise.allSettled(runs)
    assert.ok(settled.some((result) => result.status === 'rejected'))
    assert.ok(settled.filter((result) => result.status === 'fulfilled').length >= 2)
  } finally {
    await pool.close()
  }
})
