/**
 * Step 4: remove masked card numbers (`4978******304034`, `XXXX1234`, `CARTE X2518`,
 * `CB*1234`). They change when a card is renewed and would split one payee in two.
 */
const CARD_NUMBERS = /\b\d{4,6}[*X]{2,}\d{2,6}\b|(?<![A-Z])[X*]{1,12}\d{4}\b|\*\d{4}\b/g

export const removeCardNumbers = (text: string): string => text.replace(CARD_NUMBERS, ' ')
