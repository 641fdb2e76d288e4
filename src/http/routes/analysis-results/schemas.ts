import { Type } from 'typebox'

export const AccountParams = Type.Object({
  id: Type.String({ description: 'Customer id' }),
  analysisId: Type.String({ description: 'Analysis id' }),
  accountId: Type.String({ description: 'Account id' }),
})

/** Results are served as the engine produced them; their shapes are in the reference. */
export const Result = Type.Unknown()

export const Balance = Type.Object({ date: Type.String(), balance: Type.Number() })
