/** Schemas shared by every route: the error body and the id path parameters. */
import { Type } from 'typebox'

export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Machine-readable code (docs/error-codes.md)' }),
    message: Type.String(),
    status: Type.Integer(),
  },
  { $id: 'Error' },
)

/** Ids are opaque strings: any string is accepted and an unknown one answers UNKNOWN_ENTITY. */
export const CustomerParams = Type.Object({ id: Type.String({ description: 'Customer id' }) })
