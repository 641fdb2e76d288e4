/**
 * Step 7: remove amounts repeated in the text (`5,49 EUR`, `543,45EUR`, `EUR 12.50`,
 * `£12.50`, `15,81%/AN`): foreign-currency card payments and fee lines quote an amount that
 * changes every time.
 */
const AMOUNTS =
  /\b\d+(?:[.,]\d+)?\s?%(?:\/AN)?|(?:\b(?:EUR|GBP|USD|CHF)|[€£$])\s?\d+(?:[.,]\d{1,3})*\b|\b\d+(?:[ .]\d{3})*[.,]\d{1,2}\s?(?:EUR|GBP|USD|CHF|E\b|€|£)?/g

export const removeAmounts = (text: string): string => text.replace(AMOUNTS, ' ')
