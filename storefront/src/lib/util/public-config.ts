/** Settings the browser may see (NEXT_PUBLIC_* are inlined at build time). */
export const STRIPE_KEY = process.env.NEXT_PUBLIC_STRIPE_KEY || ""
