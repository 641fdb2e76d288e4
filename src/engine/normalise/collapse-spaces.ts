/** Step 10: one space between words, none at the ends. */
const SPACES = / {2,}/g

export const collapseSpaces = (text: string): string =>
  (text.includes('  ') ? text.replace(SPACES, ' ') : text).trim()
