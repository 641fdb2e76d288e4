import { writeCamt053 } from '../../../../test/support/write-statements.ts'
import { reference, runConformance } from '../../conformance.case.ts'

// The customers' ALGOAN accounts written as CAMT files: the same customer through this adapter.
runConformance({
  format: 'CAMT',
  read: (customer) => writeCamt053(reference(customer).accounts),
  isStatement: true,
})
