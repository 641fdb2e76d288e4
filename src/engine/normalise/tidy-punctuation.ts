/**
 * Step 8: punctuation to spaces. Keeps `&` (M&S, H&M, 1&1), joins dotted initials
 * (`S.A.R.L` → `SARL`, `B.V.` → `BV`) and possessive `'S` (`SAINSBURY'S` → `SAINSBURYS`);
 * any other character that is not a letter or a digit separates words. HSBC's contactless mark
 * `)))` (`))) TESCO STORES 2345`) becomes the word `CONTACTLESS`, which types a card payment.
 */
const CONTACTLESS_MARK = /\){3,}/g
const DOTTED_INITIALS = /\b([A-Z])\.(?=[A-Z](?:\.|\b))/g
const POSSESSIVE = /'S\b/g
const SEPARATORS = /[^A-Z0-9&]+/g

// The cheap `includes` checks skip passes that cannot match: this runs on every description.
export const tidyPunctuation = (text: string): string => {
  let out = text
  if (out.includes('.')) out = out.replace(DOTTED_INITIALS, '$1')
  if (out.includes("'")) out = out.replace(POSSESSIVE, 'S')
  if (out.includes(')))')) out = out.replace(CONTACTLESS_MARK, ' CONTACTLESS ')
  return hasSeparatorToReplace(out) ? out.replace(SEPARATORS, ' ') : out
}

/**
 * Whether `SEPARATORS` would change `text`: a run of characters other than A–Z, 0–9 and `&`
 * that is not a single space. Most descriptions have none left by this step.
 */
const hasSeparatorToReplace = (text: string): boolean => {
  let afterSeparator = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38) afterSeparator = false
    else if (c === 32 && !afterSeparator) afterSeparator = true
    else return true
  }
  return false
}
