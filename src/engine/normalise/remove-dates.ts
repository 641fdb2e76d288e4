/**
 * Step 5: remove dates and times (`12/03`, `12/03/2026`, `12.03.26`, `2026-03-12`, `06H23`,
 * `14:05`): card payments and transfers repeat the operation date, which changes every month.
 * Month names stay here (they are sometimes a payee's name); `labelRoot` drops them.
 */
const DATES =
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{1,2}[H:]\d{2}(?::\d{2})?\b/g

export const removeDates = (text: string): string => text.replace(DATES, ' ')
