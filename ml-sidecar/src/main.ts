import { loadConfig } from "./config.ts";
import { createApp } from "./app.ts";

const config = loadConfig();
const app = await createApp(config, { logger: true });
await app.server.listen({ port: config.port, host: config.host });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Flushes the index so acknowledged writes survive the restart.
    await app.close();
    process.exit(0);
  });
}
