/**
 * Names that contain digits and must survive the reference clean-up (step 9), which otherwise
 * drops every token holding a digit. Add a name here when a dictionary entry needs it (the
 * dictionary test fails until you do).
 */
export const PROTECTED_TOKENS: ReadonlySet<string> = new Set([
  'BET365',
  '888POKER',
  '888SPORT',
  '888CASINO',
  '10BET',
  'N26',
  'IN3',
  'M6',
  'TF1',
  'O2',
  'Q8',
  'G7',
  'G20',
  'MK2',
  'HUK24',
  'DAZN',
  '4FINANCE',
  '1&1',
  'SPORT2000',
  '3X',
  '4X',
  '10X',
  '12X',
  'AG2R',
  'LOTTO24',
  'TIPP24',
  'CHECK24',
  'BIKE24',
  '3XCB',
  '4XCB',
  'E5',
  'A1',
])
