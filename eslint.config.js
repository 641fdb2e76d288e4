// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The rings of CONTRIBUTING.md (Layout): imports point inward. */
const restricted = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
})

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      ...restricted([
        {
          group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto'],
          message: 'The engine is pure: no I/O.',
        },
        {
          group: [
            '**/adapters/**',
            '**/app/**',
            '**/store/**',
            '**/jobs/**',
            '**/http/**',
            '**/cli/**',
            '**/config/**',
            '**/webhooks/**',
            '**/web/**',
          ],
          message: 'The engine imports only engine code.',
        },
      ]),
      'no-restricted-globals': ['error', 'process', 'console'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine never reads the clock: pass asOf.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The engine never reads the clock: pass asOf.',
        },
        // No module-level state: a buffer or cache belongs to one call, passed down from it.
        {
          selector: "Program > VariableDeclaration[kind!='const']",
          message: 'No module-level state in the engine: keep it in the call.',
        },
        {
          selector: "Program > ExportNamedDeclaration > VariableDeclaration[kind!='const']",
          message: 'No module-level state in the engine: keep it in the call.',
        },
        {
          selector:
            'Program > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|Float32|Float64|BigInt64|BigUint64)Array$/]',
          message: 'No module-level buffer in the engine: allocate it per call.',
        },
        {
          selector:
            'Program > VariableDeclaration > VariableDeclarator:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly/]) > NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]',
          message:
            'A module-level Map or Set in the engine is a lookup table: type it ReadonlyMap / ReadonlySet.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is deterministic.' },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    ignores: ['src/adapters/**/*.test.ts', 'src/adapters/**/*.case.ts'],
    rules: restricted([
      {
        group: ['node:fs', 'node:http', 'node:net', 'fs', 'http'],
        message: 'Adapters are pure: text/JSON in, result out.',
      },
      {
        group: [
          '**/app/**',
          '**/store/**',
          '**/jobs/**',
          '**/http/**',
          '**/cli/**',
          '**/config/**',
          '**/webhooks/**',
          '**/web/**',
        ],
        message: 'Adapters import engine/model only.',
      },
    ]),
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: restricted([
      {
        group: [
          '**/store/**',
          '**/http/**',
          '**/cli/**',
          '**/jobs/**',
          'pg',
          '@electric-sql/*',
          'fastify',
        ],
        message: 'Use cases see ports, not concrete edges.',
      },
    ]),
  },
)
