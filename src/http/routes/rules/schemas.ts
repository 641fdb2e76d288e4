import { Type } from 'typebox'
import { CATEGORIES } from '../../../engine/model/index.ts'
import { PROJECT_RULE_TEXT_MAX } from '../../../engine/project-rules.ts'

const Category = Type.Union(
  CATEGORIES.map((category) => Type.Literal(category)),
  { description: 'A transaction category of the reference' },
)

const Text = (description: string) =>
  Type.String({ minLength: 1, maxLength: PROJECT_RULE_TEXT_MAX, description })

export const RuleBody = Type.Object(
  {
    labelRoot: Type.Optional(
      Text('The payee as the engine groups it (a transaction label root); case is ignored'),
    ),
    pattern: Type.Optional(
      Text('Text looked for inside the description, case and accents ignored; * = any run'),
    ),
    category: Category,
  },
  { additionalProperties: false, description: 'Exactly one of labelRoot and pattern' },
)

export const RuleResponse = Type.Object({
  id: Type.String(),
  labelRoot: Type.Optional(Type.String()),
  pattern: Type.Optional(Type.String()),
  category: Type.String(),
  createdBy: Type.String({ description: '`client:<client_id>` or `analyst:<email>`' }),
  createdAt: Type.String({ format: 'date-time' }),
  ruleId: Type.String({ description: 'The ruleId transactions it decides carry' }),
})

export const RuleParams = Type.Object({ id: Type.String({ description: 'Rule id' }) })
