/**
 * The package entry (`import … from 'creditlens'`) must load in plain Node, without tsx: build the
 * entry with the real build settings into a temporary copy of the package, then import it by name
 * from a separate `node` process.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface PackageJson {
  name: string
  type: string
  exports: { '.': { types: string; default: string } }
}

test('the built package entry exports verifyWebhookSignature to plain Node', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson // our own manifest
  const entry = pkg.exports['.']
  assert.match(entry.default, /^\.\/dist\/.+\.js$/)

  const dir = mkdtempSync(join(tmpdir(), 'creditlens-entry-'))
  try {
    // only the entry's import graph, with every option of tsconfig.build.json
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.build.json'),
        compilerOptions: {
          rootDir: join(root, 'src'),
          outDir: join(dir, 'dist'),
          typeRoots: [join(root, 'node_modules/@types')],
        },
        files: [join(root, 'src/index.ts')],
        include: [],
      }),
    )
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir])
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: pkg.name, type: pkg.type, exports: pkg.exports }),
    )
    const body = '{"payload":{"customerId":"c1"}}'
    const header = 'sha256=' + createHmac('sha256', 's3cret').update(body).digest('hex')
    const script = `
      import { verifyWebhookSignature } from '${pkg.name}'
      const [, , body, header] = process.argv
      console.log(JSON.stringify([
        verifyWebhookSignature(body, header, 's3cret'),
        verifyWebhookSignature(body, header, 'wrong'),
      ]))`
    writeFileSync(join(dir, 'check.mjs'), script)
    const out = execFileSync(process.execPath, ['check.mjs', body, header], {
      cwd: dir,
      encoding: 'utf8',
    })
    assert.deepEqual(JSON.parse(out), [true, false])
    assert.ok(
      readFileSync(join(dir, entry.types.replace('./', '')), 'utf8').includes(
        'verifyWebhookSignature',
      ),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
