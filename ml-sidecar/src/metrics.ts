import client from "prom-client";

/** Prometheus metrics on a private registry (several apps can live in one process in tests). */
export class Metrics {
  readonly registry = new client.Registry();
  readonly httpDuration = new client.Histogram({
    name: "ml_sidecar_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly stageDuration = new client.Histogram({
    name: "ml_sidecar_stage_duration_seconds",
    help: "Time in each pipeline stage (decode, embed, search)",
    labelNames: ["stage"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly imagesEmbedded = new client.Counter({
    name: "ml_sidecar_images_embedded_total",
    help: "Images embedded",
    registers: [this.registry],
  });
  readonly indexSize = new client.Gauge({
    name: "ml_sidecar_index_vectors",
    help: "Vectors in the current model space's index",
    registers: [this.registry],
  });
  readonly backendInfo = new client.Gauge({
    name: "ml_sidecar_embedding_backend_info",
    help: "Embedding backend, model and version in use (value 1)",
    labelNames: ["backend", "model", "version", "workers"],
    registers: [this.registry],
  });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: "ml_sidecar_" });
  }

  observeStage(stage: string, seconds: number): void {
    this.stageDuration.observe({ stage }, seconds);
  }
}
