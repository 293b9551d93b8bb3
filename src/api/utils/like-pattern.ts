/*
 * Shopper text inside an ILIKE pattern: `%` and `_` (and the escape character itself) are
 * escaped, so "50%" finds "50%" and not "50 anything".
 */

/** The text as a pattern that matches it whole, case-insensitively (a filter value such as a brand). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The text as a pattern that matches it anywhere in a column (a search box). */
export const likePattern = (text: string): string => `%${escapeLike(text)}%`
