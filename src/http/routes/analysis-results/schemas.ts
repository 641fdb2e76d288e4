import { Type } from 'typebox'

export const AccountParams = Type.Object({
  id: Type.String({ description: 'Customer id' }),
  analysisId: Type.String({ description: 'Analysis id' }),
  accountId: Type.String({ description: 'Account id' }),
})
