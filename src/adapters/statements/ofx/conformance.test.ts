import { writeOfx } from '../../../../test/support/write-statements.ts'
import { reference, runConformance } from '../../conformance.case.ts'

// The customers' ALGOAN accounts written as OFX files: the same customer through this adapter.
runConformance({
  format: 'OFX',
  read: (customer) => writeOfx(reference(customer).accounts),
  isStatement: true,
})
