import { errorHandler, getHttpResponseFromError } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * One check at the edge of the HTTP API, for every route (Medusa's own included): text that no
 * route can mean and that PostgreSQL or a parser fails on later (a NUL byte makes PostgreSQL
 * throw, so `GET /store/products?q=%00` answered 500) is refused with a 400 naming where it was.
 *
 * Refused:
 * - in the URL path and in query parameter names: any C0 control character (U+0000–U+001F);
 * - in query values and in body strings (JSON, forms): C0 controls other than tab, line feed and
 *   carriage return, which multi-line text (captions, notes, descriptions) carries;
 * - in body keys at any depth: any C0 control character;
 * - percent-encoding that is malformed or not UTF-8 (`%ff`, `%c3%28`, `%zz`) in the path or query;
 * - lone UTF-16 surrogates in JSON strings (`"\ud800"`), which are not Unicode text;
 * - U+FFFD in body strings: Express's body parsers (and multer) decode invalid UTF-8 bytes into
 *   U+FFFD before any route sees the body, so it is the only trace invalid UTF-8 leaves there;
 * - numbers in a JSON body that have no value (`1e400` parses to Infinity);
 * - a negative or unsafe `limit` or `offset` query parameter: Medusa's own list routes pass them
 *   to PostgreSQL unchecked (`GET /store/products?offset=-5` answered 500).
 *
 * Errors that Medusa raises before this check runs (its `/admin*` middleware makes Express decode
 * the path, and `%ff` there answered 500) or that PostgreSQL raises on a client's value are turned
 * into 400s by edgeErrorHandler, Medusa's error handler with those cases in front.
 */

/** A string position's label, e.g. `tags[0].product_id`. */
const childLabel = (parent: string, key: string | number) =>
  typeof key === "number"
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? parent
        ? `${parent}.${key}`
        : key
      : `${parent}[${JSON.stringify(key)}]`

/** How a character is shown in a message: `a NUL byte (U+0000)`, `a control character (U+001B)`. */
function describeCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
  return code === 0 ? `a NUL byte (${hex})` : `a control character (${hex})`
}

const ANY_CONTROL = /[\u0000-\u001f]/
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const REPLACEMENT_CHARACTER = "\ufffd"

type TextRule = { allowWhitespaceControls: boolean; decodedFromBytes: boolean }

/** Why a piece of text is refused, or null. */
function textProblem(text: string, rule: TextRule): string | null {
  const control = text.match(rule.allowWhitespaceControls ? CONTROL_EXCEPT_WHITESPACE : ANY_CONTROL)
  if (control) return `contains ${describeCodePoint(control[0])}`
  if (LONE_SURROGATE.test(text)) return "is not valid Unicode text (it holds a lone UTF-16 surrogate)"
  if (rule.decodedFromBytes && text.includes(REPLACEMENT_CHARACTER)) {
    return "is not valid UTF-8 (it holds U+FFFD, which is what invalid bytes decode to)"
  }
  return null
}

/**
 * The first string in a parsed body (JSON, urlencoded or multipart fields), at any depth and keys
 * included, that no route accepts: a message naming it, or null. `source` names the body in the
 * message ("body field", "form field"). Walks without recursion: nesting depth is the client's.
 */
export function findInvalidBodyText(body: unknown, source = "body field"): string | null {
  const stack: Array<{ value: unknown; label: string }> = [{ value: body, label: "" }]
  while (stack.length) {
    const { value, label } = stack.pop()!
    if (typeof value === "string") {
      const problem = textProblem(value, { allowWhitespaceControls: true, decodedFromBytes: true })
      if (problem) return label ? `${source} "${label}" ${problem}` : `the body ${problem}`
      continue
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return `${source} "${label}" is a number out of range`
      continue
    }
    if (!value || typeof value !== "object" || Buffer.isBuffer(value)) continue
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], label: childLabel(label, index) })
      continue
    }
    const entries = Object.entries(value)
    for (const [key] of entries) {
      const problem = textProblem(key, { allowWhitespaceControls: false, decodedFromBytes: true })
      if (problem) return `a ${source} name${label ? ` in "${label}"` : ""} ${problem}`
    }
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index]
      stack.push({ value: child, label: childLabel(label, key) })
    }
  }
  return null
}

/** decodeURIComponent that answers null for malformed or non-UTF-8 percent-encoding. */
function strictDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/** Shows a client's raw (still percent-encoded) text in a message, briefly. */
const quoteRaw = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)

/**
 * The first query parameter (name or value) of a raw query string (without "?") that no route
 * accepts: a message naming the parameter, or null. Parsed here rather than from `req.query`
 * because Express's parser keeps malformed escapes as literal text without saying so.
 */
export function findInvalidQueryText(rawQuery: string): string | null {
  if (!rawQuery) return null
  for (const pair of rawQuery.split("&")) {
    if (!pair) continue
    const equals = pair.indexOf("=")
    const rawName = (equals === -1 ? pair : pair.slice(0, equals)).replace(/\+/g, " ")
    const rawValue = equals === -1 ? "" : pair.slice(equals + 1).replace(/\+/g, " ")
    const name = strictDecode(rawName)
    if (name === null) return `a query parameter name (${quoteRaw(rawName)}) is not valid UTF-8 percent-encoding`
    const nameProblem = textProblem(name, { allowWhitespaceControls: false, decodedFromBytes: false })
    if (nameProblem) return `a query parameter name (${quoteRaw(rawName)}) ${nameProblem}`
    const value = strictDecode(rawValue)
    if (value === null) return `query parameter "${name}" is not valid UTF-8 percent-encoding`
    const valueProblem = textProblem(value, { allowWhitespaceControls: true, decodedFromBytes: false })
    if (valueProblem) return `query parameter "${name}" ${valueProblem}`
    const pagingProblem = PAGING_PARAMS.has(name) ? pagingValueProblem(value) : null
    if (pagingProblem) return `query parameter "${name}" ${pagingProblem}`
  }
  return null
}

const PAGING_PARAMS = new Set(["limit", "offset"])

/** Medusa reads paging values with parseInt; what it would then hand PostgreSQL unchecked. */
function pagingValueProblem(value: string): string | null {
  const parsed = parseInt(value, 10)
  if (Number.isNaN(parsed)) return null // the route's own validation names it
  if (parsed < 0) return "must be 0 or more"
  if (!Number.isSafeInteger(parsed)) return `must be at most ${Number.MAX_SAFE_INTEGER}`
  return null
}

/**
 * The first segment of a raw URL path (ids included) that no route accepts: a message naming it
 * by its raw text and the segment before it, or null.
 */
export function findInvalidPathText(rawPath: string): string | null {
  const segments = rawPath.split("/")
  for (let index = 0; index < segments.length; index++) {
    const raw = segments[index]
    if (!raw) continue
    const decoded = strictDecode(raw)
    const problem =
      decoded === null ? "is not valid UTF-8 percent-encoding" : textProblem(decoded, { allowWhitespaceControls: false, decodedFromBytes: false })
    if (problem) {
      const after = segments.slice(0, index).filter(Boolean).pop()
      return `the URL path segment ${quoteRaw(raw)}${after ? ` (after "${after}")` : ""} ${problem}`
    }
  }
  return null
}

/** The problem with a request's path, query and parsed body, or null. */
export function findInvalidRequestText(input: { url: string; body?: unknown }): string | null {
  const queryAt = input.url.indexOf("?")
  const path = queryAt === -1 ? input.url : input.url.slice(0, queryAt)
  const query = queryAt === -1 ? "" : input.url.slice(queryAt + 1)
  return findInvalidPathText(path) ?? findInvalidQueryText(query) ?? findInvalidBodyText(input.body)
}

const invalidInput = (problem: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problem}`)

/**
 * Global middleware (src/api/middlewares.ts, matcher "/"): Medusa runs it after its body parsers
 * and before every route's own middlewares and handler, so the path, the query and a JSON body
 * are checked before anything reads them. Multipart fields arrive later, from multer, and are
 * checked where multer runs (src/api/utils/image-upload.ts).
 */
export function rejectInvalidRequestText(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  hardenResponses(req, res)
  const problem = findInvalidRequestText({ url: req.originalUrl ?? req.url, body: req.body })
  if (problem) return next(invalidInput(problem))
  next()
}

/** Multipart fields (after multer): the same rules as a JSON body. */
export function invalidFormFieldError(fields: unknown): MedusaError | null {
  const problem = findInvalidBodyText(fields, "form field")
  return problem ? invalidInput(problem) : null
}

/** PostgreSQL's "data exception" class: a value that does not fit its column or type. */
const SQLSTATE_DATA_EXCEPTION = /^22[0-9A-Z]{3}$/
const ORDER_BY_UNKNOWN_FIELD = /^Trying to order by not existing property [^.\s]+\.(.+)$/

/**
 * What a client's mistake that surfaced as an exception should answer, or null for every other
 * error (left to Medusa). Pure, for the unit tests.
 */
export function clientErrorFor(error: unknown, request: { url: string; body?: unknown }): MedusaError | null {
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown }
  // Anything that fails on a request whose text is invalid: the text is the problem.
  const problem = findInvalidRequestText(request)
  if (problem) return invalidInput(problem)
  if (name === "URIError") return invalidInput("the URL is not valid UTF-8 percent-encoding")
  if (typeof message === "string") {
    const order = message.match(ORDER_BY_UNKNOWN_FIELD)
    if (order) return invalidInput(`query parameter "order" names a field that cannot be ordered by (${JSON.stringify(order[1].slice(0, 60))})`)
  }
  if (typeof code === "string" && SQLSTATE_DATA_EXCEPTION.test(code)) {
    // PostgreSQL's text names internal types and columns: say what is wrong, not where.
    return invalidInput("a value in the request is out of range or not of the kind its field takes")
  }
  return null
}

/**
 * Medusa's workflows lock what they change (a cart while an item is added, an inventory item while
 * it is reserved) and give up when the lock stays taken past their timeout (2 s for add-to-cart).
 * The Redis locking provider says so with a CONFLICT (409); the in-memory one (Curator without
 * REDIS_URL) and the PostgreSQL one throw a plain Error, which Medusa answered 500. The same
 * conflict, whichever provider: a 409 the client may retry, or null for any other error.
 */
const LOCK_TAKEN = [/^Failed to acquire lock for key ".*"$/s, /^Timed-out acquiring lock\.$/, /^".*" is already locked\.$/s]
export function lockConflictFor(error: unknown): MedusaError | null {
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message !== "string" || !LOCK_TAKEN.some((pattern) => pattern.test(message))) return null
  return new MedusaError(MedusaError.Types.CONFLICT, message)
}

/**
 * Medusa's error handler (`errorHandler` in src/api/middlewares.ts), with the errors that
 * clientErrorFor recognises answered as 400 `invalid_data` instead of 500, and a lock that another
 * request holds answered 409 with Retry-After (lockConflictFor). The 400s this check gives are
 * logged by Medusa's handler at info level, as its own validation errors are.
 */
export function edgeErrorHandler() {
  const medusaErrorHandler = errorHandler()
  return function curatorErrorHandler(error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    setSecurityHeaders(res)
    // Only what Medusa would answer with a 5xx: its 4xx answers stand as they are.
    if (getHttpResponseFromError(error).statusCode >= 500) {
      const clientError = clientErrorFor(error, { url: req.originalUrl ?? req.url, body: req.body })
      if (clientError) return medusaErrorHandler(clientError, req, res, next)
      const conflict = lockConflictFor(error)
      if (conflict) {
        if (!res.headersSent) res.setHeader("Retry-After", "1")
        return medusaErrorHandler(conflict, req, res, next)
      }
    }
    return medusaErrorHandler(error, req, res, next)
  }
}

// ---------------------------------------------------------------- response headers

const HARDENED = Symbol.for("curator.hardenedResponses")

type ExpressLayer = { name?: string; handle: (req: unknown, res: MedusaResponse, next: (err?: unknown) => void) => unknown }

/**
 * Every response says `X-Content-Type-Options: nosniff` and does not advertise Express.
 * Medusa serves /static (the local file provider's public files) and the admin with
 * express.static before any project middleware runs, and gives no hook there; so the first
 * request that reaches this middleware also wraps Express's own init step (the first step of
 * every request) to set the same headers, which then covers those files too. The step is
 * wrapped in place: adding a step to the stack would shift the steps of requests in flight.
 * Until that first request, only the API responses themselves carry the headers.
 */
function hardenResponses(req: MedusaRequest, res: MedusaResponse) {
  setSecurityHeaders(res)
  const app = req.app as (typeof req.app & { [HARDENED]?: boolean; _router?: { stack: ExpressLayer[] } }) | undefined
  if (!app || app[HARDENED]) return
  app[HARDENED] = true
  app.disable("x-powered-by")
  const init = app._router?.stack.find((layer) => layer.name === "expressInit")
  if (!init) return
  const expressInit = init.handle
  init.handle = function expressInitWithSecurityHeaders(req, res, next) {
    return expressInit(req, res, (err?: unknown) => {
      setSecurityHeaders(res)
      next(err)
    })
  }
}

function setSecurityHeaders(res: MedusaResponse) {
  if (res.headersSent) return
  res.removeHeader("X-Powered-By")
  res.setHeader("X-Content-Type-Options", "nosniff")
}
