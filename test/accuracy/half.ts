import { createHash } from 'node:crypto'

/**
 * Which half of the blind corpus a line belongs to: the first byte of a SHA-256 of its market,
 * description and amount, even → tuning, odd → holdout. Fixed, so that nobody picks.
 */
export const halfOf = (line: {
  market: string
  description: string
  amount: number
}): 'tuning' | 'holdout' => {
  const digest = createHash('sha256')
    .update(`${line.market}\n${line.description}\n${line.amount}`)
    .digest()
  return (digest[0] ?? 0) % 2 === 0 ? 'tuning' : 'holdout'
}
