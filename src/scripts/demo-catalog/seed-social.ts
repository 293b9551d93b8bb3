import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import sharp from "sharp"
import { SOCIAL_MODULE } from "../../modules/social"
import SocialModuleService from "../../modules/social/service"
import {
  createSocialCommentWorkflow,
  createSocialPostWorkflow,
  followCustomerWorkflow,
  likeSocialPostWorkflow,
  reportSocialPostWorkflow,
} from "../../workflows/social"
import { createRandom, DemoProduct } from "./generate-catalog"
import { IMAGE_HEIGHT, IMAGE_WIDTH, renderGarmentSvg } from "./render-garment"
import { DEMO_CUSTOMERS } from "./seed-people"

const POST_COUNT = 20
const PHOTO_WIDTH = 600
const PHOTO_HEIGHT = 750

/** Who follows whom among the demo customers (by e-mail prefix): a small, lopsided graph, as real ones are. */
const FOLLOWS: [string, string][] = [
  ["ines", "maya"],
  ["ines", "sofia"],
  ["jonas", "ines"],
  ["jonas", "oliver"],
  ["maya", "ines"],
  ["maya", "sofia"],
  ["oliver", "ines"],
  ["oliver", "maya"],
  ["sofia", "ines"],
  ["sofia", "jonas"],
]

type Wanted = (product: DemoProduct) => boolean
const inCategory =
  (...handles: string[]): Wanted =>
  (p) =>
    handles.includes(p.category.handle)
const named =
  (words: RegExp): Wanted =>
  (p) =>
    words.test(p.title)
const allOf =
  (...tests: Wanted[]): Wanted =>
  (p) =>
    tests.every((t) => t(p))
/** The photo shows the product in its first colour. */
const blue: Wanted = (p) => p.colours[0].family === "blue"
const colourful: Wanted = (p) => !["black", "white", "grey", "beige"].includes(p.colours[0].family)

/**
 * Post captions, and what a caption says its photo shows: per outfit slot (see OUTFIT_SLOTS), tests
 * in order of preference (the first that some product passes wins), so "Denim on denim" is not a pink dress.
 */
const POSTS: { caption: string; wants?: Record<number, Wanted[]> }[] = [
  { caption: "Monday uniform, but make it soft.", wants: { 0: [inCategory("knitwear", "tops")] } },
  { caption: "Found the perfect trousers for cycling to work.", wants: { 1: [inCategory("trousers")] } },
  { caption: "Layering season is officially open.", wants: { 0: [inCategory("outerwear", "knitwear")] } },
  { caption: "Gallery opening, low-key edition." },
  { caption: "Rainy Sunday, warm knit.", wants: { 0: [inCategory("knitwear")] } },
  { caption: "Trying colour this spring. Verdict?", wants: { 0: [colourful], 1: [colourful] } },
  { caption: "Airport outfit: comfy and still put together." },
  { caption: "Brunch with my sister." },
  { caption: "This coat goes with everything I own.", wants: { 0: [allOf(inCategory("outerwear"), named(/coat|parka/i))] } },
  { caption: "First warm evening of the year.", wants: { 0: [inCategory("dresses", "tops", "shirts")] } },
  { caption: "Interview day. Wish me luck!", wants: { 0: [named(/blazer/i), inCategory("shirts")], 1: [inCategory("trousers", "skirts")] } },
  { caption: "Weekend market run." },
  { caption: "Tonal dressing experiment." },
  { caption: "Thrifted top, new shoes.", wants: { 0: [inCategory("tops")], 2: [inCategory("shoes")] } },
  { caption: "Office to dinner without changing." },
  { caption: "Finally styled the pleated skirt.", wants: { 1: [named(/pleated skirt/i)] } },
  {
    caption: "Denim on denim, no regrets.",
    wants: {
      0: [allOf(named(/denim|chambray/i), blue), named(/denim jacket/i), named(/denim|chambray/i)],
      1: [allOf(inCategory("jeans"), blue), inCategory("jeans")],
    },
  },
  { caption: "Minimal packing for a city break." },
  { caption: "Birthday dinner look.", wants: { 0: [inCategory("dresses")] } },
  { caption: "Walk by the canal." },
]

/** The products a slot may show for a post: the caption's first wish some product meets, else any of the slot's. */
export function outfitChoices(post: (typeof POSTS)[number], slot: number, choices: DemoProduct[]): DemoProduct[] {
  for (const wanted of post.wants?.[slot] ?? []) {
    const fitting = choices.filter(wanted)
    if (fitting.length) return fitting
  }
  return choices
}

export const SOCIAL_POSTS = POSTS

const COMMENTS = [
  "Love this combination!",
  "Where is the jacket from?",
  "The colours work so well together.",
  "Need those shoes.",
  "Such a good fit on you.",
  "Saving this for inspiration.",
  "That texture!",
  "Perfect for the weather this week.",
]
const REPLIES = ["Thank you!", "It's tagged in the photo.", "Had it for years, still my favourite.", "Go for it!"]

/** Garments of an outfit, top to bottom: where each is drawn on the photo. */
const OUTFIT_SLOTS: { categories: string[]; box: { left: number; top: number; size: number } }[] = [
  { categories: ["outerwear", "knitwear", "shirts", "tops", "dresses"], box: { left: 40, top: 30, size: 330 } },
  { categories: ["trousers", "jeans", "skirts"], box: { left: 250, top: 300, size: 320 } },
  { categories: ["shoes", "bags", "accessories"], box: { left: 60, top: 470, size: 250 } },
]

/**
 * Renders an outfit photo from catalog garments (the same drawings as the product photos) on a
 * floor-and-wall backdrop, and says where on it each garment sits (tag positions, 0..1).
 */
async function renderOutfitPhoto(products: DemoProduct[], seed: number, catalog: DemoProduct[]) {
  const walls = ["#e9e4dc", "#dfe6e9", "#ece3ea", "#e3eadf", "#efe8da"]
  const backdrop = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}">` +
      `<rect width="100%" height="100%" fill="${walls[seed % walls.length]}"/>` +
      `<rect y="${PHOTO_HEIGHT * 0.78}" width="100%" height="${PHOTO_HEIGHT * 0.22}" fill="#c9bba6"/></svg>`
  )
  const layers: sharp.OverlayOptions[] = []
  const positions: { x: number; y: number }[] = []
  for (const [slot, product] of products.entries()) {
    const { box } = OUTFIT_SLOTS[slot]
    const svg = renderGarmentSvg({
      shape: product.category.shape,
      colourHex: product.colours[0].hex,
      pattern: product.pattern,
      view: "front",
      // The product's own picture, as on its product page (the seed's variationSeed is its catalog index).
      variationSeed: catalog.indexOf(product),
      title: product.title,
    })
    const height = Math.round((box.size * IMAGE_HEIGHT) / IMAGE_WIDTH)
    const input = await sharp(Buffer.from(svg)).resize(box.size, height).png().toBuffer()
    const top = Math.min(box.top, PHOTO_HEIGHT - height)
    layers.push({ input, left: box.left, top })
    positions.push({ x: round2((box.left + box.size / 2) / PHOTO_WIDTH), y: round2((top + height / 2) / PHOTO_HEIGHT) })
  }
  const jpeg = await sharp(backdrop).composite(layers).jpeg({ quality: 82 }).toBuffer()
  return {
    photo: {
      filename: `social-demo-outfit-${seed}.jpg`,
      mimeType: "image/jpeg",
      content: jpeg.toString("base64"),
      width: PHOTO_WIDTH,
      height: PHOTO_HEIGHT,
    },
    positions,
  }
}

const round2 = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100

/**
 * The demo social feed: follows between the five demo customers, about twenty outfit posts
 * tagged with catalog products (photos rendered from the catalog's garments and uploaded through
 * the file module), likes, comments with replies, and one reported post for the moderation page.
 * Everything goes through the social workflows. Follows are idempotent by themselves; the rest
 * is created only when no demo customer has posted yet, so running the seed again adds nothing.
 */
export async function seedSocial(container: MedusaContainer, catalog: DemoProduct[]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS.map((c) => c.email), has_account: true })
  const idOf = (name: string) => customers.find((c) => c.email === `${name}@curator.local`)?.id
  const people = DEMO_CUSTOMERS.map((c) => idOf(c.email.split("@")[0])).filter((id): id is string => !!id)
  if (people.length < 2) return

  for (const [follower, followed] of FOLLOWS) {
    const [follower_id, followed_id] = [idOf(follower), idOf(followed)]
    if (follower_id && followed_id) await followCustomerWorkflow(container).run({ input: { follower_id, followed_id } })
  }

  const [, alreadyPosted] = await social.listAndCountSocialPosts({ customer_id: people }, { take: 1, select: ["id"], withDeleted: true })
  if (alreadyPosted > 0) return

  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id"],
    filters: { handle: catalog.map((p) => p.handle) },
  })
  const productByHandle = new Map(products.map((p: any) => [p.handle as string, p]))
  const inCatalog = catalog.filter((p) => productByHandle.has(p.handle))
  const byCategory = (handles: string[]) => inCatalog.filter((p) => handles.includes(p.category.handle))

  const random = createRandom(20261122)
  const posts: { id: string; author: string; visibility: string }[] = []
  for (let n = 0; n < POST_COUNT; n++) {
    const author = people[n % people.length]
    const post = POSTS[n % POSTS.length]
    const garments = OUTFIT_SLOTS.map((slot, s) => outfitChoices(post, s, byCategory(slot.categories)))
      .filter((choices) => choices.length)
      .map((choices) => random.pick(choices))
    if (!garments.length) break
    const { photo, positions } = await renderOutfitPhoto(garments, n, catalog)
    const tags = garments.map((garment, i) => {
      const product = productByHandle.get(garment.handle)
      // Every other tag names the exact variant (size and colour) worn.
      const variantId = i % 2 === 0 && product.variants?.length ? random.pick(product.variants as { id: string }[]).id : null
      return { product_id: product.id as string, variant_id: variantId, ...positions[i], photo_index: 0 }
    })
    const visibility = n % 7 === 6 ? "followers" : "public"
    const { result } = await createSocialPostWorkflow(container).run({
      input: { customer_id: author, caption: post.caption, visibility, photos: [photo], tags, status: "published" },
    })
    posts.push({ id: result.id, author, visibility })
  }

  const follows = new Set(FOLLOWS.map(([a, b]) => `${idOf(a)}>${idOf(b)}`))
  const canSee = (viewer: string, post: { author: string; visibility: string }) =>
    post.author === viewer || post.visibility === "public" || follows.has(`${viewer}>${post.author}`)

  let likes = 0
  let comments = 0
  for (const [n, post] of posts.entries()) {
    const audience = people.filter((p) => p !== post.author && canSee(p, post))
    // Engagement varies a lot from post to post, which is what the popular feed ranks.
    for (const customer_id of random.sample(audience, random.int(0, audience.length))) {
      await likeSocialPostWorkflow(container).run({ input: { customer_id, post_id: post.id } })
      likes++
    }
    if (n % 2 === 0 && audience.length) {
      const commenter = random.pick(audience)
      const { result: comment } = await createSocialCommentWorkflow(container).run({
        input: { customer_id: commenter, post_id: post.id, body: COMMENTS[n % COMMENTS.length] },
      })
      comments++
      if (n % 4 === 0) {
        await createSocialCommentWorkflow(container).run({
          input: { customer_id: post.author, post_id: post.id, body: REPLIES[(n / 4) % REPLIES.length], parent_id: comment.id },
        })
        comments++
      }
    }
  }

  // One post reported as counterfeit, waiting in the moderation queue.
  const reported = posts.find((p) => p.visibility === "public")
  const reporter = reported && people.find((p) => p !== reported.author)
  if (reported && reporter) {
    await reportSocialPostWorkflow(container).run({
      input: { customer_id: reporter, post_id: reported.id, reason: "counterfeit", note: "The bag looks like a knock-off of a designer model." },
    })
  }
  logger.info(`Social: seeded ${posts.length} posts, ${FOLLOWS.length} follows, ${likes} likes, ${comments} comments and 1 report.`)
}
