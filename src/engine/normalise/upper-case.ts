/** Step 1: upper-case, so every later step and every dictionary works on one alphabet. */
export const upperCase = (text: string): string => text.toUpperCase()
