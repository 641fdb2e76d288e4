/**
 * The start of an input's text quoted in a message (a warning, an issue). Cut by UTF-16 units
 * with `slice`, a character outside the BMP (an emoji) can be split in two, and the lone half
 * left is not valid Unicode: PostgreSQL refuses to store the message (it is kept as JSON), and
 * the upload failed with a 500. The cut never splits a pair.
 */
export const excerpt = (text: string, max: number): string => {
  const cut = text.slice(0, max)
  const last = cut.charCodeAt(cut.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}
