// Worker threads do not inherit tsx's loader from the `tsx` CLI: register it here,
// then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./wasm-worker.ts");
