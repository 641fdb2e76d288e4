/** IBAN check (ISO 13616): the mod-97 checksum, on the electronic form (no spaces). */

/** Whether `iban` (spaces allowed, any case) has the shape and checksum of an IBAN. */
export const isValidIban = (iban: string): boolean => {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{12,30}$/.test(compact)) return false
  // Country and check digits move to the end; letters become 10–35; the number mod 97 is 1.
  const rearranged = compact.slice(4) + compact.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
  }
  return remainder === 1
}
