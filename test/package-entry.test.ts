/**
 * The package entry (`import … from 'creditlens'`) must load in plain Node, without tsx: build the
 * entry with the real build settings into a temporary copy of the package, then import it by name
 * from a separate `node` process.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface PackageJson {
  name: string
  type: string
  exports: Record<'.' | './client', { types: string; default: string }>
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
        files: [join(root, 'src/index.ts'), join(root, 'src/client/index.ts')],
        include: [],
      }),
    )
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir])
    // as `npm run build` does: tsc does not copy the generated declaration file
    copyFileSync(join(root, 'src/client/openapi.d.ts'), join(dir, 'dist/client/openapi.d.ts'))
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: pkg.name, type: pkg.type, exports: pkg.exports }),
    )
    const body = '{"payload":{"customerId":"c1"}}'
    const header = 'sha256=' + createHmac('sha256', 's3cret').update(body).digest('hex')
    const script = `
      import { verifyWebhookSignature } from '${pkg.name}'
      import { createCreditlensClient } from '${pkg.name}/client'
      const [, , body, header] = process.argv
      const client = createCreditlensClient({ baseUrl: 'http://127.0.0.1:1' })
      console.log(JSON.stringify([
        verifyWebhookSignature(body, header, 's3cret'),
        verifyWebhookSignature(body, header, 'wrong'),
        typeof client.GET === 'function' && typeof client.authenticate === 'function',
      ]))`
    writeFileSync(join(dir, 'check.mjs'), script)
    const out = execFileSync(process.execPath, ['check.mjs', body, header], {
      cwd: dir,
      encoding: 'utf8',
    })
    assert.deepEqual(JSON.parse(out), [true, false, true])
    // the client's declarations resolve the generated paths and components
    const clientTypes = readFileSync(join(dir, pkg.exports['./client'].types.slice(2)), 'utf8')
    assert.match(clientTypes, /from '\.\/openapi\.js'/)
    assert.ok(readFileSync(join(dir, 'dist/client/openapi.d.ts'), 'utf8').includes('Analysis'))
    assert.ok(
      readFileSync(join(dir, entry.types.replace('./', '')), 'utf8').includes(
        'verifyWebhookSignature',
      ),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
