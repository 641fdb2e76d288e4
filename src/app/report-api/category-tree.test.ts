import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CATEGORIES, TRANSACTION_TYPES } from '../../engine/model/index.ts'
import {
  CATEGORY_NODE,
  COUNTRY_LANGUAGE,
  findNode,
  levelOf,
  nodeOf,
  TREE,
  treeFor,
} from './category-tree.ts'

/**
 * Published ids never change meaning: this snapshot (id → English title) only grows. Changing
 * a line here breaks every client that stored ids; add new nodes instead (ids from 10000 up).
 */
const PUBLISHED: Record<string, string> = {
  '5': 'Pension',
  '6': 'Dividends received',
  '7': 'Interest received',
  '19': 'Cash deposit',
  '20': 'Social security benefits',
  '21': 'Scholarship',
  '22': 'Loans',
  '26': 'Groceries',
  '29': 'Utilities',
  '44': 'Fuel',
  '63': 'Health and pharmaceuticals',
  '79': 'Loan repayments',
  '81': 'Other loans',
  '83': 'Cash withdrawal',
  '85': 'Salary',
  '88': 'Bills',
  '91': 'Payday loans',
  '94': 'Payday loans',
  '97': 'Mortgage',
  '117': 'Other loans',
  '136': 'Bailiffs',
  '137': 'Alimony and child support',
  '138': 'Debt collection',
  '279': 'Insurance indemnity',
  '358': 'Alimony and child support',
  '426': 'Tax return',
  '467': 'Tax and government fees',
  '477': 'State aid payment',
  '494': 'Invoices',
  '562': 'Fines',
  '714': 'Other personal transfers',
  '733': 'Other incoming payments from employer',
  '919': 'Regular income',
  '1151': 'Income from rent',
  '1402': 'Dishonours',
  '2547': 'Work on demand',
  '4402': 'Gambling',
  '4404': 'Gambling',
  '4406': 'Gambling (other)',
  '10000': 'Income',
  '10001': 'Expenses',
  '10010': 'Family benefits',
  '10011': 'Housing benefit',
  '10012': 'Unemployment benefit',
  '10013': 'Sickness and disability benefits',
  '10014': 'Income support',
  '10020': 'Mortgage loan',
  '10021': 'Personal loan',
  '10022': 'Revolving credit',
  '10030': 'Transfer from savings',
  '10031': 'Refunds',
  '10032': 'Expense reimbursement',
  '10033': 'Bank fee refund',
  '10034': 'Released bank provision',
  '10035': 'Transfer from own account',
  '10036': 'Other incoming payments',
  '10040': 'Telecom and internet',
  '10041': 'Housing',
  '10042': 'Rent',
  '10043': 'Transport',
  '10044': 'Insurance',
  '10045': 'Health insurance',
  '10046': 'Car insurance',
  '10047': 'Home insurance',
  '10048': 'Leisure',
  '10049': 'Sport',
  '10050': 'Multimedia and subscriptions',
  '10051': 'Shopping',
  '10052': 'Tobacco',
  '10053': 'Personal loan',
  '10054': 'Revolving credit',
  '10055': 'Buy now, pay later',
  '10056': 'Leasing',
  '10057': 'Early loan repayment',
  '10058': 'Deferred card settlement',
  '10059': 'Income tax',
  '10060': 'Housing tax',
  '10061': 'Property tax',
  '10062': 'Savings',
  '10063': 'Savings book',
  '10064': 'Investments',
  '10065': 'Bank fees',
  '10066': 'Overdraft fees',
  '10067': 'Payment incident fees',
  '10068': 'Debt recovery and seizure fees',
  '10069': 'Debts and incidents',
  '10070': 'Credit card reset',
  '10071': 'Transfer to own account',
  '10072': 'Other expenses',
}

/** The vendor's published ids and their meaning (docs/report-api.md). */
const VENDOR: Record<number, string> = {
  5: 'Pension',
  6: 'Dividends received',
  7: 'Interest received',
  19: 'Cash deposit',
  20: 'Social security benefits',
  21: 'Scholarship',
  22: 'Loans',
  26: 'Groceries',
  29: 'Utilities',
  44: 'Fuel',
  63: 'Health and pharmaceuticals',
  79: 'Loan repayments',
  81: 'Other loans',
  83: 'Cash withdrawal',
  85: 'Salary',
  88: 'Bills',
  91: 'Payday loans',
  94: 'Payday loans',
  97: 'Mortgage',
  117: 'Other loans',
  136: 'Bailiffs',
  137: 'Alimony and child support',
  138: 'Debt collection',
  279: 'Insurance indemnity',
  358: 'Alimony and child support',
  426: 'Tax return',
  467: 'Tax and government fees',
  477: 'State aid payment',
  494: 'Invoices',
  562: 'Fines',
  714: 'Other personal transfers',
  733: 'Other incoming payments from employer',
  919: 'Regular income',
  1151: 'Income from rent',
  1402: 'Dishonours',
  2547: 'Work on demand',
  4402: 'Gambling',
  4404: 'Gambling',
}

describe('the report category tree', () => {
  it('keeps every published id with its meaning', () => {
    for (const [id, title] of Object.entries(PUBLISHED)) {
      assert.equal(findNode(Number(id))?.titles.en, title, `id ${id} changed meaning`)
    }
  })

  it('publishes no node that the snapshot does not list', () => {
    const unlisted = TREE.filter((node) => !(String(node.id) in PUBLISHED)).map((node) => node.id)
    assert.deepEqual(unlisted, [], 'add new nodes to the snapshot above')
  })

  it('keeps the vendor ids for the vendor meanings, incoming and outgoing apart', () => {
    for (const [id, title] of Object.entries(VENDOR)) {
      assert.equal(findNode(Number(id))?.titles.en, title, `vendor id ${id}`)
    }
    assert.equal(findNode(22)?.type, 'income')
    assert.equal(findNode(117)?.parentId, 22)
    assert.equal(findNode(91)?.parentId, 22)
    assert.equal(findNode(79)?.type, 'expense')
    for (const id of [81, 94, 97]) assert.equal(findNode(id)?.parentId, 79)
    assert.equal(findNode(358)?.type, 'income')
    assert.equal(findNode(137)?.type, 'expense')
  })

  it('gives our own nodes ids from 10000 up', () => {
    for (const node of TREE) {
      if (!(node.id in VENDOR) && node.id !== 4406) assert.ok(node.id >= 10000, String(node.id))
    }
  })

  it('maps every creditlens category to exactly one existing node', () => {
    assert.deepEqual(Object.keys(CATEGORY_NODE).sort(), [...CATEGORIES].sort())
    for (const category of CATEGORIES) {
      const id = CATEGORY_NODE[category]
      assert.ok(findNode(id), `${category} → ${id} is not a node`)
      for (const type of TRANSACTION_TYPES) assert.ok(findNode(nodeOf(category, type)))
    }
  })

  it('is a tree of three levels with unique ids and parents of the same type', () => {
    assert.equal(new Set(TREE.map((node) => node.id)).size, TREE.length)
    for (const node of TREE) {
      const level = levelOf(node.id)
      assert.ok(level >= 1 && level <= 3, `${node.id} at level ${level}`)
      if (node.parentId !== null) assert.equal(findNode(node.parentId)?.type, node.type)
    }
  })

  it('titles every node in each country language and in English', () => {
    for (const country of Object.keys(COUNTRY_LANGUAGE)) {
      const tree = treeFor(country)
      assert.match(tree.category_tree_version, new RegExp(`^${country}_\\d{12}$`))
      for (const node of tree.categories) {
        assert.ok(node.readable_title.length > 0 && node.readable_title_en.length > 0)
      }
    }
    assert.equal(treeFor('fr').categories.find((node) => node.id === 85)?.readable_title, 'Salaire')
  })
})
