/**
 * The categorisation rules, in the order they run: the first rule that returns a category
 * decides. Specific beats generic: fees and seizures before rejections, credit before
 * income, named merchants before the fallback.
 */
import { BANK_FEES } from './bank-fees.ts'
import { SEIZURES, BAILIFF_PAYMENT, DEBT_COLLECTION, DEBT_RECOVERY } from './seizures.ts'
import { REJECTIONS } from './rejections.ts'
import { SPECIFIC_TAXES, GENERIC_TAXES } from './taxes.ts'
import {
  SPLIT_PAYMENTS,
  LOAN_INSURANCE,
  LOAN_PREPAYMENT,
  LEASING,
  LOANS,
  WAGE_ADVANCE,
} from './loans.ts'
import { SALARY, PENSIONS, ALIMONY } from './income.ts'
import { ALLOWANCE_WORDING, BENEFIT_PAYER } from './allowances.ts'
import { INTEREST, SAVINGS } from './savings.ts'
import { EXPENSE_REPORT, INSURANCE_REFUND, REFUNDS } from './refunds.ts'
import { CREDIT_CARD_RESET, DEFERRED_CARD } from './credit-card.ts'
import { RENT } from './housing.ts'
import { INSURANCE } from './insurance.ts'
import { MERCHANTS, MERCHANT_OSM_BRAND, MERCHANT_PLACE_WORD } from './merchants.ts'
import { CASH_WITHDRAWAL, OTHER } from './fallback.ts'
import type { Rule } from './rule.ts'

export type { Rule, RuleExample } from './rule.ts'

export const RULES: readonly Rule[] = [
  CREDIT_CARD_RESET,
  BANK_FEES,
  SEIZURES,
  BAILIFF_PAYMENT,
  DEBT_COLLECTION,
  DEBT_RECOVERY,
  REJECTIONS,
  SPECIFIC_TAXES,
  SPLIT_PAYMENTS,
  LOAN_INSURANCE,
  LOAN_PREPAYMENT,
  LEASING,
  LOANS,
  WAGE_ADVANCE,
  SALARY,
  PENSIONS,
  ALIMONY,
  ALLOWANCE_WORDING,
  BENEFIT_PAYER,
  GENERIC_TAXES,
  INTEREST,
  SAVINGS,
  EXPENSE_REPORT,
  INSURANCE_REFUND,
  REFUNDS,
  DEFERRED_CARD,
  RENT,
  INSURANCE,
  MERCHANTS,
  MERCHANT_OSM_BRAND,
  MERCHANT_PLACE_WORD,
  CASH_WITHDRAWAL,
  OTHER,
]
