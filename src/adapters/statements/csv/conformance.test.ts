import { writeCsv } from '../../../../test/support/write-statements.ts'
import { reference, runConformance } from '../../conformance.case.ts'

// The customers' ALGOAN accounts written as CSV files: the same customer through this adapter.
runConformance({
  format: 'CSV',
  read: (customer) => writeCsv(reference(customer).accounts),
  isStatement: true,
})
