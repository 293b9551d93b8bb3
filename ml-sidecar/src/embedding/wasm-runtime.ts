import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Imports tfjs with the WASM backend and points it at the .wasm files inside
 * the npm package (nothing is fetched). SIMD is used; Node gets no wasm
 * threads, so one instance uses one core and parallelism comes from workers.
 */
export async function loadTfjsWasm() {
  const tf = await import("@tensorflow/tfjs");
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  const wasmDir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"));
  wasm.setWasmPaths(`${wasmDir}${path.sep}`);
  await tf.setBackend("wasm");
  await tf.ready();
  return tf;
}

export async function loadTfjsCpu() {
  const tf = await import("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}
