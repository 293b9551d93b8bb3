/**
 * An error a client caused. The HTTP layer turns it into `{ type, message }`
 * with `statusCode`; anything else is a 500.
 */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "ClientError";
  }
}
