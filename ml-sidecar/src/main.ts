import { loadConfig, type Config } from "./config.ts";
import { createApp } from "./app.ts";

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  // A setting that cannot work (or is unsafe) stops the start with its reason, not a stack trace.
  console.error(`[ml-sidecar] not starting: ${(err as Error).message}`);
  process.exit(1);
}
const app = await createApp(config, { logger: { level: config.logLevel } });
await app.server.listen({ port: config.port, host: config.host });
if (!config.token) console.log(`[ml-sidecar] no ML_SIDECAR_TOKEN set: requests are not authenticated (listening on ${config.host} only)`);

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
