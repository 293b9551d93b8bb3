import type * as tfType from "@tensorflow/tfjs";
import { loadNsfwjsModelArtifacts, nsfwjsVersion } from "./nsfwjs-model-files.ts";
import { l2Normalise, type FeatureGrid, type ModelSpace, type PackedRgb } from "./embedder.ts";
import { MODEL_INPUT_SIZE } from "../image/preprocess.ts";

type Tf = typeof tfType;

export interface FeatureModelOptions {
  /** Average the features of the image and its mirror: flip-invariant, twice the compute. */
  flipAverage: boolean;
}

/** Bump when preprocessing or pooling changes, so stored vectors are re-indexed. */
const RECIPE_VERSION = "4";

/**
 * Side of the square fed to the network. 160 instead of the trained 224 costs
 * about half the compute (the network is fully convolutional up to its pooling);
 * bench/throughput.ts and bench/dedup.ts measured the trade (README).
 */
export const EMBEDDING_INPUT_SIZE: number = 160;

export function mobilenetMidSpace(options: FeatureModelOptions): ModelSpace {
  return {
    model: "nsfwjs/mobilenet_v2_mid:feature_vector",
    version: `nsfwjs-${nsfwjsVersion()}.recipe-${RECIPE_VERSION}.in${EMBEDDING_INPUT_SIZE}${options.flipAverage ? ".flipavg" : ""}`,
    dim: 1792,
  };
}

/**
 * MobileNetV2 (width 1.4) from the nsfwjs package, cut at its last 1792-channel
 * feature map (Conv_1), mean-pooled here: the same vector as the graph's own
 * pooled feature layer at 224 px, but free of its fixed 7×7 pooling window so
 * the input can be smaller. Runs on whatever tfjs backend the caller has made current.
 */
export class MobilenetFeatureModel {
  private constructor(
    private readonly tf: Tf,
    private readonly model: tfType.GraphModel,
    private readonly outputNode: string,
    private readonly cellNode: string,
    private readonly options: FeatureModelOptions,
  ) {}

  static async load(tf: Tf, options: FeatureModelOptions): Promise<MobilenetFeatureModel> {
    const artifacts = loadNsfwjsModelArtifacts("mobilenet_v2_mid");
    // The graph pins its input to 224×224; the convolutions do not care, so open the spatial sides.
    const topology = structuredClone(artifacts.modelTopology) as {
      node: Array<{ op: string; attr?: { shape?: { shape?: { dim: Array<{ size: string }> } } } }>;
    };
    for (const node of topology.node) {
      const dims = node.op === "Placeholder" ? node.attr?.shape?.shape?.dim : undefined;
      if (dims?.length === 4) dims.splice(1, 2, { size: "-1" }, { size: "-1" });
    }
    const model = await tf.loadGraphModel(
      tf.io.fromMemory({
        modelTopology: topology as tfType.io.ModelArtifacts["modelTopology"],
        weightSpecs: artifacts.weightSpecs as tfType.io.WeightsManifestEntry[],
        weightData: artifacts.weightData,
      }),
    );
    const nodes = Object.keys((model as unknown as { executor: { graph: { nodes: Record<string, unknown> } } }).executor.graph.nodes);
    const outputNode = nodes.find((n) => n.endsWith("MobilenetV2/Conv_1/Relu6"));
    if (!outputNode) throw new Error("mobilenet_v2_mid: last feature map (Conv_1) not found in the graph");
    const cellNode = nodes.find((n) => n.endsWith("MobilenetV2/expanded_conv_13/expand/Relu6"));
    if (!cellNode) throw new Error("mobilenet_v2_mid: block 13's expansion not found in the graph");
    const self = new MobilenetFeatureModel(tf, model, outputNode, cellNode, options);
    await self.embed([new Uint8Array(MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3)]); // warm-up compiles kernels
    return self;
  }

  async embed(images: Uint8Array[]): Promise<Float32Array[]> {
    const { tf } = this;
    const n = images.length;
    const size = MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3;
    const flat = new Uint8Array(n * size);
    images.forEach((img, i) => flat.set(img, i * size));
    const features = tf.tidy(() => {
      let x = tf.tensor4d(flat, [n, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3], "int32").toFloat().div(255) as tfType.Tensor4D;
      if (EMBEDDING_INPUT_SIZE !== MODEL_INPUT_SIZE) x = tf.image.resizeBilinear(x, [EMBEDDING_INPUT_SIZE, EMBEDDING_INPUT_SIZE], true);
      if (this.options.flipAverage) x = tf.concat([x, tf.image.flipLeftRight(x)], 0);
      const map = this.model.execute(x, this.outputNode) as tfType.Tensor4D;
      let f = map.mean([1, 2]) as tfType.Tensor2D;
      if (this.options.flipAverage) f = f.slice([0, 0], [n, -1]).add(f.slice([n, 0], [n, -1]));
      return f;
    });
    const data = (await features.data()) as Float32Array;
    features.dispose();
    const dim = data.length / n;
    return Array.from({ length: n }, (_, i) => l2Normalise(data.slice(i * dim, (i + 1) * dim)));
  }

  /**
   * The feature map of one picture of any size (sides multiples of 16) where the network is at a
   * sixteenth of its resolution (the expansion of block 13: what each 16×16 patch shows, in
   * context), row-major cells.
   */
  async cellFeatures(picture: PackedRgb): Promise<FeatureGrid> {
    const { tf } = this;
    const map = tf.tidy(() => {
      const x = tf.tensor4d(picture.data, [1, picture.height, picture.width, 3], "int32").toFloat().div(255) as tfType.Tensor4D;
      return this.model.execute(x, this.cellNode) as tfType.Tensor4D;
    });
    const [, rows, cols, channels] = map.shape;
    const data = (await map.data()) as Float32Array;
    map.dispose();
    return { data, rows, cols, channels };
  }

  dispose(): void {
    this.model.dispose();
  }
}
