/**
 * Step 7: punctuation to spaces. Keeps `&` (M&S, H&M, 1&1), joins dotted initials
 * (`S.A.R.L` → `SARL`, `B.V.` → `BV`) and possessive `'S` (`SAINSBURY'S` → `SAINSBURYS`);
 * any other character that is not a letter or a digit separates words.
 */
const DOTTED_INITIALS = /\b([A-Z])\.(?=[A-Z](?:\.|\b))/g
const POSSESSIVE = /'S\b/g
const SEPARATORS = /[^A-Z0-9&]+/g

export const tidyPunctuation = (text: string): string =>
  text.replace(DOTTED_INITIALS, '$1').replace(POSSESSIVE, 'S').replace(SEPARATORS, ' ')
