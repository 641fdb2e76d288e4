/**
 * A real browser for page tests: playwright-core driving Debian's Chromium
 * (`apt-get install -y chromium`, `/usr/bin/chromium`; `.ci/run` installs it when missing).
 * `CHROMIUM_PATH` points elsewhere. Screenshots go to `test-artifacts/` (ignored by git).
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core'

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Launches headless Chromium with the flags this closed network needs. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

/** Browser context options with JavaScript on or off (the pages work with both). */
export const contextOptions = (javaScript: boolean): BrowserContextOptions => ({
  javaScriptEnabled: javaScript,
  viewport: { width: 1280, height: 800 },
  locale: 'en-GB',
})

/** Where a test keeps its screenshots: `test-artifacts/<suite>/`. */
export const artifactDir = async (suite: string): Promise<string> => {
  const dir = join(process.cwd(), 'test-artifacts', suite)
  await mkdir(dir, { recursive: true })
  return dir
}
