import assert from "node:assert/strict"
import { after, before, describe, test } from "node:test"
import { Client } from "pg"
import type { Page } from "playwright-core"
import { adminApi, publishableKey } from "./support/api"
import { screenshot, useBrowser } from "./support/browser"
import { BACKEND_URL, STOREFRONT_URL } from "./support/env"

/**
 * The positive half of "Stripe.js loads only when a Stripe payment is offered" (issue #18; the
 * negative half is in search.e2e.ts). The test kind registers Medusa's Stripe provider with a key
 * that reaches nothing and gives the storefront a publishable key (scripts/lib/storefront-tests.js);
 * no region offers Stripe until this test adds it to the United Kingdom's, which no other test
 * checks out in, and takes it away again afterwards. (The storefront keeps a region's payment
 * methods for up to 5 minutes, and its regions and countries for an hour, so a region of its own
 * would not reach the shop in time.)
 *
 * Nothing here can reach Stripe: opening a Stripe payment session makes Medusa's provider create a
 * PaymentIntent on Stripe's API, so the test opens the session with Medusa's system provider and
 * stores in it what Stripe's provider would have stored (the intent's id and client secret), and
 * Stripe.js itself is answered by a stand-in that defines just what the checkout's Elements use.
 */
const DATABASE_URL = process.env.DATABASE_URL
const COUNTRY = "gb"
const STRIPE = "pp_stripe_stripe"
const CLIENT_SECRET = "pi_curator_e2e_secret_standin"

/** Stripe.js as far as @stripe/stripe-js and @stripe/react-stripe-js call it; it notes what it was given. */
const STRIPE_JS_STAND_IN = `
window.Stripe = function (publishableKey) {
  var seen = (window.__stripeStandIn = { publishableKey: publishableKey, clientSecret: null, mounted: false });
  var noop = function () {};
  return {
    elements: function (options) {
      seen.clientSecret = options && options.clientSecret;
      return {
        create: function () {
          return {
            mount: function () { seen.mounted = true; },
            on: noop, off: noop, update: noop, destroy: noop, unmount: noop,
          };
        },
        update: noop,
        getElement: function () { return null; },
      };
    },
    createToken: noop,
    createPaymentMethod: noop,
    confirmCardPayment: noop,
    confirmPayment: function () { return Promise.resolve({ error: { message: "Stripe.js stand-in" } }); },
    registerAppInfo: noop,
    _registerWrapper: noop,
  };
};
window.Stripe.version = "basil";
`

type Region = { id: string; countries: { iso_2: string }[]; payment_providers?: { id: string }[] }

async function store<T>(key: string, method: "GET" | "POST", pathname: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    method,
    headers: { "x-publishable-api-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  assert.equal(res.status, 200, `${method} ${pathname} answered ${res.status}: ${await res.clone().text()}`)
  return (await res.json()) as T
}

/**
 * A guest cart in the region, ready for payment (a product in stock, an address, the first delivery
 * option), with a pending payment session: Stripe's or the test payment's. Returns the cart's id
 * and the product's handle.
 */
async function cartReadyToPay(region: Region, paidBy: "stripe" | "invoice"): Promise<{ cartId: string; handle: string }> {
  const key = await publishableKey()
  const { products } = await store<{
    products: { handle: string; variants: { id: string; manage_inventory: boolean; inventory_quantity?: number }[] }[]
  }>(key, "GET", `/store/products?region_id=${region.id}&limit=20&fields=handle,*variants,+variants.inventory_quantity`)
  const product = products.find((p) => p.variants.some((v) => !v.manage_inventory || (v.inventory_quantity ?? 0) > 0))
  assert.ok(product, "a product in stock for the United Kingdom")
  const variant = product.variants.find((v) => !v.manage_inventory || (v.inventory_quantity ?? 0) > 0)!

  const { cart } = await store<{ cart: { id: string } }>(key, "POST", "/store/carts", {
    region_id: region.id,
    email: "stripe-e2e@curator.test",
    shipping_address: {
      first_name: "Test",
      last_name: "Shopper",
      address_1: "1 Long Acre",
      postal_code: "WC2E 9LH",
      city: "London",
      country_code: COUNTRY,
    },
    items: [{ variant_id: variant.id, quantity: 1 }],
  })
  const { shipping_options } = await store<{ shipping_options: { id: string }[] }>(key, "GET", `/store/shipping-options?cart_id=${cart.id}`)
  assert.ok(shipping_options.length, "the United Kingdom has a delivery option")
  await store(key, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await store<{ payment_collection: { id: string } }>(key, "POST", "/store/payment-collections", { cart_id: cart.id })
  const { payment_collection: withSession } = await store<{ payment_collection: { payment_sessions: { id: string }[] } }>(
    key,
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" }
  )
  const [session] = withSession.payment_sessions
  assert.ok(session, "Medusa opened a payment session")
  if (paidBy === "invoice") return { cartId: cart.id, handle: product.handle }

  // What Medusa's Stripe provider stores from the PaymentIntent Stripe answers with.
  const db = new Client({ connectionString: DATABASE_URL })
  await db.connect()
  try {
    const { rowCount } = await db.query("UPDATE payment_session SET provider_id = $1, data = $2 WHERE id = $3", [
      STRIPE,
      { id: "pi_curator_e2e", object: "payment_intent", status: "requires_payment_method", client_secret: CLIENT_SECRET },
      session.id,
    ])
    assert.equal(rowCount, 1)
  } finally {
    await db.end()
  }
  return { cartId: cart.id, handle: product.handle }
}

describe("Stripe at checkout", { skip: DATABASE_URL ? false : "needs DATABASE_URL (the test kind passes its database)" }, () => {
  const browser = useBrowser()
  let region: Region
  let providers: string[]

  /** A page with the cart's cookie that answers Stripe.js with the stand-in and notes every request to Stripe. */
  async function shopperWithCart(cartId: string) {
    const page = await browser.newPage()
    await page.context().addCookies([{ name: "_curator_cart_id", value: cartId, url: STOREFRONT_URL }])
    const stripeRequests: string[] = []
    page.on("request", (r) => /stripe\.com/.test(r.url()) && stripeRequests.push(r.url()))
    await page.route("https://js.stripe.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "application/javascript", body: STRIPE_JS_STAND_IN })
    )
    return { page, stripeRequests }
  }

  before(async () => {
    const { regions } = await adminApi<{ regions: Region[] }>("GET", "/admin/regions?limit=50&fields=id,*countries,*payment_providers")
    const found = regions.find((r) => r.countries.some((c) => c.iso_2 === COUNTRY))
    assert.ok(found, "a region sells to the United Kingdom")
    region = found
    providers = (region.payment_providers ?? []).map((p) => p.id)
    assert.ok(!providers.includes(STRIPE), "the United Kingdom does not offer Stripe before the test")
    await adminApi("POST", `/admin/regions/${region.id}`, { payment_providers: [...providers, STRIPE] })
  })

  after(async () => {
    if (region && providers) await adminApi("POST", `/admin/regions/${region.id}`, { payment_providers: providers })
  })

  test("paying by card loads Stripe.js at the review step, with the shop's key and the session's secret, and not before", async () => {
    const { cartId, handle } = await cartReadyToPay(region, "stripe")
    const { page, stripeRequests } = await shopperWithCart(cartId)
    const settled = async (what: string, open: (p: Page) => Promise<unknown>) => {
      await open(page)
      await page.waitForLoadState("networkidle")
      assert.deepEqual(stripeRequests, [], `${what}: nothing from Stripe yet`)
    }

    await settled("the product page", (p) => p.goto(`${STOREFRONT_URL}/${COUNTRY}/products/${handle}`))
    await settled("the cart", async (p) => {
      await p.goto(`${STOREFRONT_URL}/${COUNTRY}/cart`)
      await p.getByTestId("checkout-button").waitFor()
    })
    // The payment step offers the card (chosen, as the session is Stripe's) beside the test payment.
    await settled("the payment step", async (p) => {
      await p.goto(`${STOREFRONT_URL}/${COUNTRY}/checkout?step=payment`)
      const form = p.getByTestId("payment-form")
      assert.equal(await form.getByRole("radio", { name: /^Card/ }).isChecked(), true, "the card is offered and chosen")
      await form.getByRole("radio", { name: /Pay on invoice/ }).waitFor()
    })

    await page.goto(`${STOREFRONT_URL}/${COUNTRY}/checkout?step=review`)
    await page.waitForFunction(() => (window as { __stripeStandIn?: { mounted: boolean } }).__stripeStandIn?.mounted === true)
    assert.equal(stripeRequests.length, 1, `Stripe.js once: ${stripeRequests.join(", ")}`)
    assert.match(stripeRequests[0], /^https:\/\/js\.stripe\.com\/[a-z0-9]+\/stripe\.js/)
    const seen = await page.evaluate(() => (window as { __stripeStandIn?: { publishableKey: string; clientSecret: string } }).__stripeStandIn)
    assert.match(seen?.publishableKey ?? "", /^pk_/, "Stripe is given the shop's publishable key")
    assert.equal(seen?.clientSecret, CLIENT_SECRET, "Elements are opened with the session's client secret")
    // With Stripe loaded the pay button is live (it waits for Stripe before it can be pressed).
    assert.equal(await page.getByTestId("place-order").isEnabled(), true)
    await screenshot(page, "checkout-stripe-review")
  })

  test("where Stripe is offered but the shopper pays on invoice, the review step loads nothing from Stripe", async () => {
    const { cartId } = await cartReadyToPay(region, "invoice")
    const { page, stripeRequests } = await shopperWithCart(cartId)
    await page.goto(`${STOREFRONT_URL}/${COUNTRY}/checkout?step=payment`)
    await page.getByTestId("payment-form").getByRole("radio", { name: /^Card/ }).waitFor()
    await page.goto(`${STOREFRONT_URL}/${COUNTRY}/checkout?step=review`)
    await page.getByTestId("place-order").waitFor()
    await page.waitForLoadState("networkidle")
    assert.deepEqual(stripeRequests, [], "no request to Stripe")
    assert.equal(await page.locator('script[src*="stripe"]').count(), 0, "no Stripe script tag")
  })
})
