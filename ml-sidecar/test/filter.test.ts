import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesFilter, parseFilter } from "../src/index/filter.ts";
import { toMilvusExpression } from "../src/index/milvus-vector-store.ts";
import { ClientError } from "../src/errors.ts";

const dress = { product_id: "p1", category: "dress", price: 49, variant_ids: ["v1", "v2"], in_stock: true };

test("equality, membership, ranges and array fields", () => {
  assert.ok(matchesFilter(dress, parseFilter({ category: "dress" })), 'matchesFilter(dress, parseFilter({ category: "dress" }))');
  assert.ok(!matchesFilter(dress, parseFilter({ category: "shirt" })), '!matchesFilter(dress, parseFilter({ category: "shirt" }))');
  assert.ok(
    matchesFilter(dress, parseFilter({ category: { in: ["shirt", "dress"] } })),
    'matchesFilter(dress, parseFilter({ category: { in: ["shirt", "dress"] } }))',
  );
  assert.ok(matchesFilter(dress, parseFilter({ price: { gte: 49, lt: 50 } })), "matchesFilter(dress, parseFilter({ price: { gte: 49, lt: 50 } }))");
  assert.ok(!matchesFilter(dress, parseFilter({ price: { gt: 49 } })), "!matchesFilter(dress, parseFilter({ price: { gt: 49 } }))");
  assert.ok(!matchesFilter({ price: "49" }, parseFilter({ price: { gte: 1 } })), "ranges need numbers");
  assert.ok(matchesFilter(dress, parseFilter({ variant_ids: "v2" })), "array field matches any element");
  assert.ok(
    matchesFilter(dress, parseFilter({ variant_ids: { in: ["v9", "v1"] } })),
    'matchesFilter(dress, parseFilter({ variant_ids: { in: ["v9", "v1"] } }))',
  );
  assert.ok(!matchesFilter(dress, parseFilter({ variant_ids: "v3" })), '!matchesFilter(dress, parseFilter({ variant_ids: "v3" }))');
  assert.ok(matchesFilter(dress, parseFilter('{"in_stock":true,"category":{"eq":"dress"}}')), "JSON string input");
  assert.ok(!matchesFilter(dress, parseFilter({ brand: "acme" })), "missing field never matches");
  assert.deepEqual(parseFilter(undefined), []);
});

test("malformed filters are client errors naming the problem", () => {
  const bad: unknown[] = [
    "{not json",
    [1, 2],
    { price: { between: [1, 2] } },
    { price: { gte: "cheap" } },
    { category: { in: [] } },
    { "bad field": 1 },
    { category: { nested: { x: 1 } } },
  ];
  for (const f of bad) {
    assert.throws(
      () => parseFilter(f),
      (err: unknown) => err instanceof ClientError && err.statusCode === 400 && err.type === "invalid_filter",
      JSON.stringify(f),
    );
  }
});

test("translates to a Milvus expression over the JSON metadata field", () => {
  const expr = toMilvusExpression(parseFilter({ category: "dress", price: { gte: 10, lt: 50 }, variant_ids: { in: ["v1", "v2"] } }));
  assert.equal(
    expr,
    '(metadata["category"] == "dress" || json_contains(metadata["category"], "dress")) && (metadata["price"] >= 10 && metadata["price"] < 50) && (metadata["variant_ids"] in ["v1", "v2"] || json_contains_any(metadata["variant_ids"], ["v1", "v2"]))',
  );
  assert.equal(
    toMilvusExpression(parseFilter({ name: 'say "hi"' })),
    '(metadata["name"] == "say \\"hi\\"" || json_contains(metadata["name"], "say \\"hi\\""))',
  );
});
