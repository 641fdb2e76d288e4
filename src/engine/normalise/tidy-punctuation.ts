/**
 * Step 7: punctuation to spaces. Keeps `&` (M&S, H&M, 1&1), joins dotted initials
 * (`S.A.R.L` → `SARL`, `B.V.` → `BV`) and possessive `'S` (`SAINSBURY'S` → `SAINSBURYS`);
 * any other character that is not a letter or a digit separates words.
 */
const DOTTED_INITIALS = /\b([A-Z])\.(?=[A-Z](?:\.|\b))/g
const POSSESSIVE = /'S\b/g
const SEPARATORS = /[^A-Z0-9&]+/g

// The cheap `includes` checks skip passes that cannot match: this runs on every description.
export const tidyPunctuation = (text: string): string => {
  let out = text
  if (out.includes('.')) out = out.replace(DOTTED_INITIALS, '$1')
  if (out.includes("'")) out = out.replace(POSSESSIVE, 'S')
  return out.replace(SEPARATORS, ' ')
}
