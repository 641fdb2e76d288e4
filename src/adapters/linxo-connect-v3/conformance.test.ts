import { fixtureReader, runConformance } from '../conformance.case.ts'

runConformance({ format: 'OXLIN_DIRECT_ACCOUNT_API_V3', read: fixtureReader('linxo-connect-v3') })
