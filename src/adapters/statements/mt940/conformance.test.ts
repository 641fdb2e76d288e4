import { writeMt940 } from '../../../../test/support/write-statements.ts'
import { reference, runConformance } from '../../conformance.case.ts'

// The customers' ALGOAN accounts written as MT940 files: the same customer through this adapter.
runConformance({
  format: 'MT940',
  read: (customer) => writeMt940(reference(customer).accounts),
  isStatement: true,
})
