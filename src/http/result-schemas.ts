/**
 * The analysis and its results in full, as JSON Schema (TypeBox): what the engine's wire types
 * (engine/model/analysis.ts) and the app's additive fields (app/analysis-notes.ts) serialise to.
 * Registered once as shared schemas (`addSchema`), they become the OpenAPI document's named
 * components, from which the typed client (`creditlens/client`) is generated; routes refer to
 * them by id with `ref(…)`. A test validates real responses against them, and the generated
 * types are checked against the engine's types by the compiler (test/http/reference-v2.test.ts).
 */
import type { FastifyInstance } from 'fastify'
import { Type, type TSchema } from 'typebox'
import {
  ACCOUNT_OWNERSHIPS,
  ACCOUNT_TYPES,
  ACCOUNT_USAGES,
  CATEGORIES,
  PERIODICITIES,
  REPARTITIONS,
  TRANSACTION_TYPES,
} from '../engine/model/index.ts'

/** Closed objects: every field is described, none is extra. */
const closed = { additionalProperties: false } as const

/** A reference to one of the shared schemas below, by id. */
export const ref = (id: SharedSchemaId): TSchema => Type.Ref(id)

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const Category = Type.Enum(CATEGORIES, { description: 'Transaction category (reference enum)' })
const TransactionType = Type.Enum(TRANSACTION_TYPES)

const Enrichments = Type.Object(
  {
    category: Category,
    type: TransactionType,
    isInternationalTransfer: Type.Boolean(),
    isRejected: Type.Boolean(),
    counterPartId: Nullable(Type.String()),
    counterparty: Nullable(Type.String({ description: 'Our extension: the payee named' })),
    ruleId: Type.String({ description: 'Our extension: the rule that decided (docs/rule-ids.md)' }),
  },
  closed,
)

const Transaction = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    description: Type.String(),
    dates: Type.Object(
      { debitedAt: Nullable(Type.String()), bookedAt: Nullable(Type.String()) },
      closed,
    ),
    amount: Type.Number({ description: 'Major units, negative = money out' }),
    currency: Type.String(),
    enrichments: Type.Union([Enrichments, Type.Object({}, closed)], {
      description: 'Empty ({}) until the analysis has computed them',
    }),
    isComing: Type.Boolean(),
    aggregator: Type.Object(
      {
        id: Type.Optional(Type.String()),
        category: Type.Optional(Type.String()),
        type: Type.Optional(Type.String()),
      },
      closed,
    ),
    isNonAnalysed: Type.Boolean(),
  },
  { ...closed, $id: 'Transaction', description: 'An (enriched) transaction' },
)

const Amounts = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))

const Account = Type.Object(
  {
    id: Type.String(),
    type: Type.Enum(ACCOUNT_TYPES),
    usage: Type.Enum(ACCOUNT_USAGES),
    ownership: Type.Enum(ACCOUNT_OWNERSHIPS, { description: 'Our extension' }),
    balance: Nullable(Type.Number()),
    balanceDate: Nullable(Type.String()),
    currency: Type.String(),
    owners: Type.Array(Type.Object({ name: Type.Optional(Type.String()) }, closed)),
    name: Type.Optional(Type.String()),
    number: Type.Optional(Type.String()),
    iban: Type.Optional(Type.String()),
    bic: Type.Optional(Type.String()),
    bank: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Type.String()),
          name: Type.Optional(Type.String()),
          logoUrl: Type.Optional(Type.String()),
          country: Type.Optional(Type.String()),
        },
        closed,
      ),
    ),
    country: Type.Optional(Type.String()),
    coming: Type.Optional(Type.Number()),
    details: Type.Optional(
      Type.Object({ loan: Type.Optional(Amounts), savings: Type.Optional(Amounts) }, closed),
    ),
    aggregator: Type.Optional(Type.Object({ id: Type.Optional(Type.String()) }, closed)),
    createdAt: Type.Optional(Type.String({ format: 'date-time' })),
    updatedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { ...closed, $id: 'Account', description: 'An account used by the analysis' },
)

const DailyBalance = Type.Object(
  { date: Type.String(), balance: Type.Number() },
  { ...closed, $id: 'DailyBalance' },
)

const CalendarAmount = Type.Object({ month: Type.String(), amount: Type.Number() }, closed)
const Transactions = Type.Array(ref('Transaction'))

const CashFlow = Type.Object(
  {
    type: TransactionType,
    category: Category,
    labelRoot: Type.String(),
    label: Type.String(),
    totalAmount: Type.Number(),
    totalRejectedAmount: Type.Number(),
    calendar: Type.Array(CalendarAmount),
    transactions: Transactions,
    regularity: Type.Object(
      {
        dueDays: Type.Array(Type.Number()),
        interval: Type.Object({ min: Type.Number(), max: Type.Number() }, closed),
        meanNumberOfDaysInInterval: Type.Number(),
        accuracy: Type.Number({ description: '0–100' }),
        periodicity: Type.Enum(PERIODICITIES),
        repartition: Type.Enum(REPARTITIONS),
      },
      closed,
    ),
    lender: Type.Optional(Type.Object({ name: Type.String() }, closed)),
    detectorId: Type.Optional(Type.String()),
  },
  { ...closed, $id: 'CashFlow' },
)

const CategoryGroup = Type.Object(
  {
    name: Category,
    totalAmount: Type.Number(),
    monthlyAmount: Type.Number(),
    calendar: Type.Array(CalendarAmount),
    transactions: Transactions,
  },
  { ...closed, $id: 'CategoryGroup' },
)

const Incomes = Type.Object(
  {
    totalAmount: Type.Number(),
    monthlyAmount: Type.Number(),
    indicators: Type.Object({ allowancesRatio: Type.Number() }, closed),
    employers: Type.Array(
      Type.Object(
        {
          name: Type.String(),
          staffing: Nullable(Type.String({ description: 'The employer size; null when unknown' })),
        },
        closed,
      ),
    ),
    categories: Type.Array(ref('CategoryGroup')),
  },
  { ...closed, $id: 'Incomes' },
)

const Expenses = Type.Object(
  {
    totalAmount: Type.Number(),
    monthlyAmount: Type.Number(),
    frequentTransactions: Type.Array(
      Type.Object({ label: Type.String(), transactions: Transactions }, closed),
    ),
    categories: Type.Array(ref('CategoryGroup')),
  },
  { ...closed, $id: 'Expenses' },
)

const Lenders = Type.Array(Type.Object({ name: Type.String() }, closed))

const Loans = Type.Object(
  {
    repayments: Type.Object(
      {
        totalAmount: Type.Number(),
        monthlyAmount: Type.Number(),
        lendingOrganizations: Lenders,
        details: Type.Array(ref('CashFlow')),
      },
      closed,
    ),
    drawdowns: Type.Object(
      {
        count: Type.Number(),
        totalAmount: Type.Number(),
        lendingOrganizations: Lenders,
        details: Type.Array(ref('CashFlow')),
      },
      closed,
    ),
  },
  { ...closed, $id: 'Loans' },
)

const Group = Type.Object({ totalAmount: Type.Number(), transactions: Transactions }, closed)
const Rejections = Type.Object(
  {
    totalAmount: Type.Number(),
    transactions: Transactions,
    totalFeesAmount: Type.Number(),
    feesTransactions: Transactions,
  },
  closed,
)

const Risks = Type.Object(
  {
    gambling: Group,
    incidents: Type.Object(
      { paymentRejections: Rejections, checkRejections: Rejections, interventionFees: Group },
      closed,
    ),
    overdraft: Type.Object(
      {
        minimumBalanceReached: Type.Number(),
        duration: Type.Number({ description: 'Days with an end-of-day balance below zero' }),
        fees: Group,
      },
      closed,
    ),
    heavyFailures: Type.Object({ directRecoveryOfDebt: Group, bankAccountSeizure: Group }, closed),
    wageAdvance: Group,
  },
  { ...closed, $id: 'Risks' },
)

const CreditInsights = Type.Object(
  {
    version: Type.String(),
    cashFlows: Type.Array(ref('CashFlow')),
    incomes: ref('Incomes'),
    expenses: ref('Expenses'),
    loans: ref('Loans'),
    risks: ref('Risks'),
  },
  { ...closed, $id: 'CreditInsights' },
)

const Metadata = Type.Object(
  {
    lastTransactionGap: Type.Number(),
    historicalDepth: Type.Number(),
    monthlyTransactionCount: Type.Number(),
    numberOfCheckings: Type.Number(),
    numberOfSavings: Type.Number(),
    numberOfLoans: Type.Number(),
    firstTransactionDate: Nullable(Type.String()),
    calendar: Type.Array(Type.Object({ month: Type.String(), nbDays: Type.Number() }, closed)),
    totalTransactionCount: Type.Number(),
    warnings: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, closed), {
        description: 'Our extension: what the adapters dropped or read as UNKNOWN',
      }),
    ),
    ownAccountDetection: Type.Optional(
      Type.Object(
        {
          limited: Type.Boolean(),
          nameSources: Type.Array(Type.String()),
          message: Type.Optional(Type.String()),
        },
        { ...closed, description: 'Our extension: how own transfers were recognised' },
      ),
    ),
  },
  { ...closed, $id: 'Metadata' },
)

const Reasons = Type.Array(Type.Object({ code: Type.String(), impact: Type.Number() }, closed), {
  description: 'What moved the score, strongest first (docs/reason-codes.md)',
})

const Scores = Type.Object(
  {
    creditScore: Type.Optional(
      Type.Object(
        {
          version: Type.String(),
          value: Type.Number({ description: '0–1000, 1000 = safest' }),
          indicators: Type.Object(
            {
              livingStandard: Type.Number(),
              budgetManagement: Type.Number(),
              financialEvolution: Type.Number(),
            },
            closed,
          ),
          reasons: Reasons,
        },
        closed,
      ),
    ),
    paymentScore: Type.Optional(
      Type.Object(
        {
          version: Type.String(),
          value: Type.Number({ description: '1–10, 10 = safest' }),
          reasons: Reasons,
        },
        closed,
      ),
    ),
  },
  { ...closed, $id: 'Scores' },
)

const AnalysisStatus = Type.Enum(['CREATED', 'IN_PROGRESS', 'COMPLETED', 'ERROR'], {
  description: 'CREATED → IN_PROGRESS (accounts uploaded) → COMPLETED or ERROR',
})
const AnalysisError = Type.Object({ code: Type.String(), message: Type.String() }, closed)

const Analysis = Type.Object(
  {
    id: Type.String(),
    format: Type.String(),
    parameters: Type.Object(
      {
        disableScores: Type.Boolean(),
        disableCreditInsights: Type.Boolean(),
        windowMonths: Type.Optional(
          Type.Integer({ description: 'Months of history analysed, when the client set it' }),
        ),
      },
      closed,
    ),
    status: AnalysisStatus,
    source: Type.Enum(['CLIENT', 'INTERNAL'], {
      description: 'INTERNAL: relaunched by the service after an internal error',
    }),
    dataOrigin: Type.Enum(['OPEN_BANKING', 'PDF', 'UNKNOWN', 'BANK_STATEMENT'], {
      description: 'BANK_STATEMENT (our extension): read from statement files',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    metadata: Type.Optional(ref('Metadata')),
    creditInsights: Type.Optional(ref('CreditInsights')),
    scores: Type.Optional(ref('Scores')),
    error: Type.Optional(AnalysisError),
  },
  { ...closed, $id: 'Analysis' },
)

/** What a result route answers (202) while its analysis is not ready. */
export const NotReady = Type.Object(
  { id: Type.String(), status: AnalysisStatus, message: Type.String() },
  { ...closed, $id: 'NotReady' },
)

/** Every shared schema, in dependency order. */
export const SHARED_SCHEMAS = [
  Transaction,
  Account,
  DailyBalance,
  CashFlow,
  CategoryGroup,
  Incomes,
  Expenses,
  Loans,
  Risks,
  CreditInsights,
  Metadata,
  Scores,
  Analysis,
  NotReady,
] as const

export type SharedSchemaId =
  | 'Transaction'
  | 'Account'
  | 'DailyBalance'
  | 'CashFlow'
  | 'CategoryGroup'
  | 'Incomes'
  | 'Expenses'
  | 'Loans'
  | 'Risks'
  | 'CreditInsights'
  | 'Metadata'
  | 'Scores'
  | 'Analysis'
  | 'NotReady'

/** Registers the shared schemas on the root app, before any route refers to them. */
export const registerResultSchemas = (app: FastifyInstance): void => {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema)
}
