import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Routes anyone who reaches the sidecar may call: liveness and the API description. */
const isOpenRoute = (route: string | undefined) => route === "/health" || route === "/docs" || (route?.startsWith("/docs/") ?? false);

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Requires `Authorization: Bearer <token>` on every other route. Runs before the body is read,
 * so an unauthenticated upload is never parsed. Compared as SHA-256 digests with
 * timingSafeEqual: equal lengths, and the time taken does not depend on where they differ.
 */
export function requireBearerToken(app: FastifyInstance, token: string): void {
  const expected = digest(token);
  const presented = (request: FastifyRequest): string | null => {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? "");
    return match ? match[1]! : null;
  };
  app.addHook("onRequest", async (request, reply) => {
    // The matched route's pattern, not the raw URL: no spelling of a path reaches a route unchecked.
    if (isOpenRoute(request.routeOptions.url)) return;
    const given = presented(request);
    if (given !== null && timingSafeEqual(digest(given), expected)) return;
    reply.header("www-authenticate", 'Bearer realm="ml-sidecar"');
    return reply.status(401).send({
      type: "unauthorized",
      message:
        given === null
          ? "Send the sidecar's shared secret as `Authorization: Bearer <ML_SIDECAR_TOKEN>`."
          : "The bearer token is not the sidecar's shared secret.",
    });
  });
}
