import { fixtureReader, runConformance } from '../conformance.case.ts'

runConformance({ format: 'BUDGET_INSIGHT_V2_0', read: fixtureReader('budget-insight-v2.0') })
