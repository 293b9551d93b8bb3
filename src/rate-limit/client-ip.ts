import net from "node:net"
import type { IncomingMessage } from "node:http"

/**
 * The client's address as Express's `req.ip` computes it with "trust proxy" set to a number of
 * hops (Medusa sets 1: the nearest proxy's X-Forwarded-For is believed): the socket address,
 * then X-Forwarded-For from right to left, `proxy_hops` entries in. With 0 hops the header is
 * ignored (Medusa reached directly, so a client cannot pick its address by sending the header).
 * IPv4-mapped IPv6 addresses are written as IPv4, and IPv6 addresses are grouped by their /64
 * (one subscriber's block), so a client cannot spread over the addresses of its own network.
 */
export function clientAddress(req: Pick<IncomingMessage, "headers" | "socket">, proxy_hops: number): string {
  const chain = [req.socket?.remoteAddress ?? ""]
  if (proxy_hops > 0) {
    const header = req.headers["x-forwarded-for"]
    const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
    chain.push(...forwarded.reverse())
  }
  return normaliseAddress(chain[Math.min(proxy_hops, chain.length - 1)] || "unknown")
}

export function normaliseAddress(address: string): string {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)
  if (mapped) return mapped[1]
  if (!net.isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`
}

/** "2001:db8::1" → ["2001", "db8", "0", "0", "0", "0", "0", "1"]. */
function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("%")[0].toLowerCase().split("::")
  const left = head ? head.split(":") : []
  const right = tail !== undefined && tail !== "" ? tail.split(":") : []
  const fill = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill("0")
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, ""))
}
