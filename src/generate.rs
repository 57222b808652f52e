//! Deterministic sample data.
//!
//! [`generate`] turns `(seed, scale)` into every table's rows with no clock, no OS entropy and no
//! I/O. Floating point only uses IEEE-exact operations and `libm` (never the platform's maths
//! library), so native and wasm builds produce the same bytes. Any change to what this module
//! produces must bump [`GENERATOR_VERSION`]: shared links carry it and say so when it differs.

use crate::time::{Timestamp, DAY, HOUR, MINUTE};
use rand_core::{RngCore, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashSet;

/// Version of what [`generate`] produces for a given seed and scale.
pub const GENERATOR_VERSION: u32 = 1;

/// The dataset's fixed "now": data spans the [`WINDOW_DAYS`] before it.
pub const ANCHOR: Timestamp = 1_793_491_200; // 2026-11-01 00:00:00 UTC
pub const WINDOW_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Scale {
    S,
    M,
    /// Native only: about 15 million rows.
    L,
}

impl Scale {
    pub fn parse(text: &str) -> Option<Scale> {
        match text.to_ascii_uppercase().as_str() {
            "S" => Some(Scale::S),
            "M" => Some(Scale::M),
            "L" => Some(Scale::L),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scale::S => "S",
            Scale::M => "M",
            Scale::L => "L",
        }
    }

    pub fn counts(self) -> Counts {
        let factor = match self {
            Scale::S => 1,
            Scale::M => 10,
            Scale::L => 100,
        };
        Counts {
            creators: 200 * factor,
            viewers: 5_000 * factor,
            streams: 2_000 * factor,
            sessions: 50_000 * factor,
            gifts: 1_000 * factor,
            chat_messages: 100_000 * factor,
        }
    }
}

/// Row counts a scale asks for (categories and the gift catalog are fixed lists).
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub creators: usize,
    pub viewers: usize,
    pub streams: usize,
    pub sessions: usize,
    pub gifts: usize,
    pub chat_messages: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub category_id: i64,
    pub name: &'static str,
    pub is_gaming: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Creator {
    pub creator_id: i64,
    pub handle: String,
    pub country: &'static str,
    pub joined_at: Timestamp,
    pub is_partner: bool,
    pub revenue_share: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Viewer {
    pub viewer_id: i64,
    pub username: String,
    pub country: &'static str,
    pub joined_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GiftType {
    pub gift_type_id: i64,
    pub name: &'static str,
    pub tier: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GiftPrice {
    pub gift_type_id: i64,
    pub price_usd: Decimal,
    pub valid_from: Timestamp,
    pub valid_to: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    pub stream_id: i64,
    pub creator_id: i64,
    pub category_id: i64,
    pub title: String,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewerSession {
    pub session_id: i64,
    pub stream_id: i64,
    pub viewer_id: i64,
    pub join_time: Timestamp,
    pub leave_time: Option<Timestamp>,
    pub device: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gift {
    pub gift_id: i64,
    pub stream_id: i64,
    pub viewer_id: i64,
    pub gift_type_id: i64,
    pub quantity: i64,
    pub amount_usd: Decimal,
    pub sent_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChatMessage {
    pub message_id: i64,
    pub stream_id: i64,
    pub viewer_id: i64,
    pub sent_at: Timestamp,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RetentionPolicy {
    pub table_name: &'static str,
    pub keep_days: i64,
    pub reason: &'static str,
}

/// Every table's rows. Ids are 1-based and, for facts, increase with time.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub seed: u64,
    pub scale: Scale,
    pub categories: Vec<Category>,
    pub creators: Vec<Creator>,
    pub viewers: Vec<Viewer>,
    pub gift_catalog: Vec<GiftType>,
    pub gift_prices: Vec<GiftPrice>,
    pub streams: Vec<Stream>,
    pub sessions: Vec<ViewerSession>,
    pub gifts: Vec<Gift>,
    pub chat_messages: Vec<ChatMessage>,
    pub retention_policies: Vec<RetentionPolicy>,
}

impl Dataset {
    /// The price of a gift type in force at `at`.
    pub fn price_at(&self, gift_type_id: i64, at: Timestamp) -> Option<Decimal> {
        price_at(&self.gift_prices, gift_type_id, at)
    }
}

fn price_at(prices: &[GiftPrice], gift_type_id: i64, at: Timestamp) -> Option<Decimal> {
    prices
        .iter()
        .find(|p| {
            p.gift_type_id == gift_type_id
                && p.valid_from <= at
                && p.valid_to.is_none_or(|to| at < to)
        })
        .map(|p| p.price_usd)
}

pub fn generate(seed: u64, scale: Scale) -> Dataset {
    let mut data = generate_all_but_chat(seed, scale);
    data.chat_messages = chat_messages_of(&data);
    data
}

/// Every table but `chat_messages`, which is left empty. Nothing else is generated from the chat
/// (its stream comes last), so an engine can answer queries that do not read it before making it.
///
/// Each table's generator, and the work per row of the larger ones, is a function of its own,
/// out of line (see ARCHITECTURE.md, "A fresh page's first answer").
pub fn generate_all_but_chat(seed: u64, scale: Scale) -> Dataset {
    let counts = scale.counts();
    let window_start = ANCHOR - WINDOW_DAYS * DAY;
    let categories = categories();
    let creators = creators(&mut Rng::new(seed, 1), counts.creators, window_start);
    let viewers = viewers(&mut Rng::new(seed, 2), counts.viewers, window_start);
    let gift_catalog = gift_catalog();
    let gift_prices = gift_prices(&mut Rng::new(seed, 3), &gift_catalog, window_start);
    let popularity = zipf_weights(&mut Rng::new(seed, 4), creators.len(), 1.0);
    let streams = streams(
        &mut Rng::new(seed, 5),
        counts.streams,
        &creators,
        &popularity,
        &categories,
        window_start,
    );
    let sessions = sessions(
        &mut Rng::new(seed, 6),
        counts.sessions,
        &streams,
        &popularity,
        viewers.len(),
    );
    let gifts = gifts(
        &mut Rng::new(seed, 7),
        counts.gifts,
        &sessions,
        &gift_catalog,
        &gift_prices,
    );
    let retention_policies = crate::schema::TABLES
        .iter()
        .filter_map(|table| {
            let retention = table.retention.as_ref()?;
            Some(RetentionPolicy {
                table_name: table.name,
                keep_days: retention.keep_days,
                reason: retention.reason,
            })
        })
        .collect();
    Dataset {
        seed,
        scale,
        categories,
        creators,
        viewers,
        gift_catalog,
        gift_prices,
        streams,
        sessions,
        gifts,
        chat_messages: Vec::new(),
        retention_policies,
    }
}

/// The chat of a dataset made by [`generate_all_but_chat`]: exactly its scale's
/// `counts().chat_messages` rows, the same as [`generate`] makes.
pub fn chat_messages_of(data: &Dataset) -> Vec<ChatMessage> {
    chat_messages(
        &mut Rng::new(data.seed, 8),
        data.scale.counts().chat_messages,
        &data.sessions,
        &data.viewers,
    )
}

/// A portable seeded generator; one independent stream per table so that tables do not shift
/// each other when one of them changes.
struct Rng(Pcg64Mcg);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        Rng(Pcg64Mcg::seed_from_u64(
            seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15),
        ))
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [0, n); n > 0.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.0.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in [low, high); high > low.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low) as usize) as i64
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Log-normal with the given median; heavy-tailed for sigma around 1.
    fn log_normal(&mut self, median: f64, sigma: f64) -> f64 {
        // Box-Muller; 1 - unit() is in (0, 1], so the log is finite.
        let radius = libm::sqrt(-2.0 * libm::log(1.0 - self.unit()));
        let normal = radius * libm::cos(2.0 * std::f64::consts::PI * self.unit());
        median * libm::exp(sigma * normal)
    }

    fn exponential(&mut self, mean: f64) -> f64 {
        -mean * libm::log(1.0 - self.unit())
    }
}

/// Cumulative weights for sampling an index in proportion to its weight.
struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    fn new(weights: &[f64]) -> Weighted {
        let mut total = 0.0;
        let cumulative = weights
            .iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("weights");
        let target = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= target)
            .min(self.cumulative.len() - 1)
    }
}

/// Zipf-like weights `1 / rank^exponent`, with ranks shuffled so popularity does not follow ids.
fn zipf_weights(rng: &mut Rng, n: usize, exponent: f64) -> Vec<f64> {
    let mut ranks: Vec<usize> = (1..=n).collect();
    for i in (1..n).rev() {
        ranks.swap(i, rng.below(i + 1));
    }
    ranks
        .into_iter()
        .map(|rank| 1.0 / libm::pow(rank as f64, exponent))
        .collect()
}

/// Splits `total` into integer parts proportional to `weights` (largest remainder, ties by index).
fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut parts: Vec<usize> = exact.iter().map(|e| *e as usize).collect();
    let assigned: usize = parts.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = exact[a] - parts[a] as f64;
        let fb = exact[b] - parts[b] as f64;
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for &i in order.iter().cycle().take(total - assigned) {
        parts[i] += 1;
    }
    parts
}

const COUNTRIES: &[(&str, f64)] = &[
    ("US", 30.0),
    ("BR", 10.0),
    ("DE", 8.0),
    ("GB", 7.0),
    ("FR", 6.0),
    ("ES", 6.0),
    ("KR", 6.0),
    ("JP", 5.0),
    ("MX", 5.0),
    ("CA", 4.0),
    ("PL", 4.0),
    ("IN", 4.0),
    ("TR", 3.0),
    ("AU", 2.0),
];

fn country(rng: &mut Rng, table: &Weighted) -> &'static str {
    COUNTRIES[table.sample(rng)].0
}

fn country_table() -> Weighted {
    Weighted::new(&COUNTRIES.iter().map(|c| c.1).collect::<Vec<_>>())
}

const CATEGORIES: &[(&str, bool, &[&str])] = &[
    (
        "Just Chatting",
        false,
        &[
            "morning coffee talk",
            "ask me anything",
            "reading your messages",
            "late night chat",
        ],
    ),
    (
        "Fortnite",
        true,
        &[
            "ranked grind to Unreal",
            "duos with viewers",
            "zero build wins",
            "new season first look",
        ],
    ),
    (
        "League of Legends",
        true,
        &[
            "climbing solo queue",
            "jungle coaching",
            "ARAM all night",
            "patch review and games",
        ],
    ),
    (
        "Minecraft",
        true,
        &[
            "hardcore day 1",
            "building a castle",
            "speedrun practice",
            "modded survival",
        ],
    ),
    (
        "Valorant",
        true,
        &[
            "road to Radiant",
            "aim training then ranked",
            "customs with chat",
            "agent guide",
        ],
    ),
    (
        "Music",
        false,
        &[
            "live piano requests",
            "producing a beat from scratch",
            "acoustic covers",
            "DJ set",
        ],
    ),
    (
        "Art",
        false,
        &[
            "drawing your pets",
            "digital painting",
            "character design",
            "sketchbook tour",
        ],
    ),
    (
        "IRL",
        false,
        &[
            "city walk",
            "night market food tour",
            "train trip",
            "hiking with chat",
        ],
    ),
    (
        "Cooking",
        false,
        &[
            "ramen from scratch",
            "baking bread",
            "cheap meals under $5",
            "street food at home",
        ],
    ),
    (
        "Sports",
        false,
        &[
            "match watch party",
            "fantasy league draft",
            "post-game analysis",
            "tennis live reactions",
        ],
    ),
    (
        "Science & Tech",
        false,
        &[
            "building a keyboard",
            "coding a game in a day",
            "rocket launch watch",
            "retro PC repair",
        ],
    ),
    (
        "Chess",
        true,
        &[
            "blitz with viewers",
            "opening prep",
            "bullet arena",
            "puzzle rush",
        ],
    ),
];

fn categories() -> Vec<Category> {
    CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, (name, is_gaming, _))| Category {
            category_id: i as i64 + 1,
            name,
            is_gaming: *is_gaming,
        })
        .collect()
}

const NAME_STARTS: &[&str] = &[
    "pixel", "night", "lucky", "silent", "cosmic", "retro", "neon", "salty", "frosty", "mellow",
    "crimson", "sunny", "quiet", "rapid", "lazy", "golden", "wild", "tiny", "mega", "shadow",
    "cozy", "atomic", "hyper", "velvet", "stormy", "bubbly", "turbo", "misty", "loud", "clever",
];
const NAME_ENDS: &[&str] = &[
    "fox", "otter", "panda", "raven", "tiger", "wolf", "koala", "falcon", "gecko", "badger",
    "lynx", "moose", "owl", "shark", "yeti", "bunny", "dragon", "llama", "viper", "beetle",
    "comet", "pirate", "wizard", "knight", "chef", "gamer", "bard", "ninja", "golem", "sprite",
];

/// Unique name like `neonotter_417`; `taken` holds every name handed out so far.
fn unique_name(rng: &mut Rng, taken: &mut HashSet<String>, separator: &str) -> String {
    loop {
        let name = format!(
            "{}{}{separator}{}",
            rng.pick(NAME_STARTS),
            rng.pick(NAME_ENDS),
            rng.below(1000)
        );
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

fn signup_time(rng: &mut Rng, window_start: Timestamp) -> Timestamp {
    rng.between(window_start - 4 * 365 * DAY, window_start - DAY)
}

#[inline(never)]
fn creators(rng: &mut Rng, n: usize, window_start: Timestamp) -> Vec<Creator> {
    let countries = country_table();
    let mut taken = HashSet::new();
    (0..n)
        .map(|i| {
            let is_partner = rng.chance(0.15);
            Creator {
                creator_id: i as i64 + 1,
                handle: unique_name(rng, &mut taken, ""),
                country: country(rng, &countries),
                joined_at: signup_time(rng, window_start),
                is_partner,
                revenue_share: if is_partner {
                    Decimal::new(70, 2)
                } else {
                    Decimal::new(50, 2)
                },
            }
        })
        .collect()
}

#[inline(never)]
fn viewers(rng: &mut Rng, n: usize, window_start: Timestamp) -> Vec<Viewer> {
    let countries = country_table();
    let mut taken = HashSet::new();
    (0..n)
        .map(|i| Viewer {
            viewer_id: i as i64 + 1,
            username: unique_name(rng, &mut taken, "_"),
            country: country(rng, &countries),
            joined_at: signup_time(rng, window_start),
        })
        .collect()
}

/// (name, tier, launch price in cents, relative popularity)
const GIFTS: &[(&str, &str, i64, f64)] = &[
    ("Heart", "small", 99, 30.0),
    ("Rose", "small", 199, 22.0),
    ("Star", "small", 299, 14.0),
    ("Coffee", "small", 499, 10.0),
    ("Crown", "medium", 999, 8.0),
    ("Diamond", "medium", 1999, 6.0),
    ("Fireworks", "medium", 2999, 4.0),
    ("Rocket", "large", 4999, 3.0),
    ("Yacht", "large", 9999, 2.0),
    ("Castle", "large", 19999, 1.0),
];

fn gift_catalog() -> Vec<GiftType> {
    GIFTS
        .iter()
        .enumerate()
        .map(|(i, (name, tier, _, _))| GiftType {
            gift_type_id: i as i64 + 1,
            name,
            tier,
        })
        .collect()
}

/// Launch prices from before the window, then repricings inside it. The most popular gift is
/// always repriced mid-window so that snapshots visibly differ from today's catalog.
#[inline(never)]
fn gift_prices(rng: &mut Rng, catalog: &[GiftType], window_start: Timestamp) -> Vec<GiftPrice> {
    let launch = window_start - 400 * DAY;
    let mut prices = Vec::new();
    for (gift, (_, _, launch_cents, _)) in catalog.iter().zip(GIFTS) {
        let repricings = match gift.gift_type_id {
            1 => 1 + rng.below(2),
            _ => rng.below(3),
        };
        let mut cents = *launch_cents;
        let mut from = launch;
        let mut changes: Vec<Timestamp> = (0..repricings)
            .map(|_| window_start + rng.between(10 * DAY, (WINDOW_DAYS - 10) * DAY))
            .collect();
        changes.sort_unstable();
        changes.dedup();
        for change in changes {
            prices.push(GiftPrice {
                gift_type_id: gift.gift_type_id,
                price_usd: Decimal::new(cents, 2),
                valid_from: from,
                valid_to: Some(change),
            });
            // Up to 20% cheaper or 25% dearer, still ending in 9 cents.
            let factor = 0.8 + 0.45 * rng.unit();
            let dimes = libm::round(cents as f64 * factor / 10.0).max(1.0) as i64;
            let repriced = dimes * 10 - 1;
            cents = if repriced == cents {
                cents + 10
            } else {
                repriced
            };
            from = change;
        }
        prices.push(GiftPrice {
            gift_type_id: gift.gift_type_id,
            price_usd: Decimal::new(cents, 2),
            valid_from: from,
            valid_to: None,
        });
    }
    prices
}

/// Relative chance that a stream starts in each UTC hour: quiet mornings, busy evenings.
const START_HOUR_WEIGHTS: [f64; 24] = [
    3.0, 2.0, 1.0, 0.5, 0.3, 0.3, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, //
    4.0, 4.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 13.0, 12.0, 9.0, 5.0,
];

const DEVICES: &[(&str, f64)] = &[
    ("web", 40.0),
    ("ios", 25.0),
    ("android", 25.0),
    ("tv", 10.0),
];

/// Each creator's streams fill their own time slots across the window so a creator is never live
/// twice at once; a creator's last stream may still be running at the anchor.
#[inline(never)]
fn streams(
    rng: &mut Rng,
    n: usize,
    creators: &[Creator],
    popularity: &[f64],
    categories: &[Category],
    window_start: Timestamp,
) -> Vec<Stream> {
    let hours = Weighted::new(&START_HOUR_WEIGHTS);
    // Popular creators stream more often, but far less skewed than they are watched.
    let frequency: Vec<f64> = popularity.iter().map(|p| libm::sqrt(*p)).collect();
    let per_creator = apportion(n, &frequency);
    // About one creator in a hundred (at least three) is live at the anchor.
    let mut live: HashSet<usize> = HashSet::new();
    while live.len() < (creators.len() / 100).max(3).min(creators.len()) {
        live.insert(rng.below(creators.len()));
    }
    let mut streams = Vec::with_capacity(n);
    for (index, (creator, &count)) in creators.iter().zip(&per_creator).enumerate() {
        creator_streams(
            rng,
            (creator, count, live.contains(&index)),
            (&hours, categories, window_start),
            &mut streams,
        );
    }
    streams.sort_by_key(|s| (s.started_at, s.creator_id));
    for (i, stream) in streams.iter_mut().enumerate() {
        stream.stream_id = i as i64 + 1;
    }
    streams
}

/// The streams of one creator, for [`streams`]; out of line (see [`generate_all_but_chat`]).
#[inline(never)]
fn creator_streams(
    rng: &mut Rng,
    (creator, count, live_at_anchor): (&Creator, usize, bool),
    (hours, categories, window_start): (&Weighted, &[Category], Timestamp),
    streams: &mut Vec<Stream>,
) {
    let home_category = rng.below(categories.len());
    let slot = WINDOW_DAYS * DAY / count.max(1) as i64;
    for j in 0..count {
        let slot_start = window_start + j as i64 * slot;
        let slot_end = slot_start + slot;
        let is_last = j + 1 == count;
        let goes_live = is_last && live_at_anchor;
        let started_at = if goes_live {
            (ANCHOR - rng.between(20 * MINUTE, 4 * HOUR)).max(slot_start)
        } else if slot >= DAY {
            let day = slot_start - slot_start.rem_euclid(DAY) + rng.between(0, slot / DAY) * DAY;
            let start = day + hours.sample(rng) as i64 * HOUR + rng.between(0, HOUR);
            start.clamp(slot_start, slot_end - HOUR)
        } else {
            slot_start + rng.between(0, slot / 2)
        };
        let duration =
            (rng.log_normal(2.5 * HOUR as f64, 0.6) as i64).clamp(15 * MINUTE, 12 * HOUR);
        let ended_at = if goes_live {
            None
        } else if is_last {
            // Not bounded by a next slot: running past the anchor means still live.
            Some(started_at + duration).filter(|end| *end <= ANCHOR)
        } else {
            Some((started_at + duration).min(slot_end - 5 * MINUTE))
        };
        let category = if rng.chance(0.8) {
            home_category
        } else {
            rng.below(categories.len())
        };
        let title = format!(
            "{} {}",
            rng.pick(CATEGORIES[category].2),
            rng.pick(&[
                "",
                "",
                "!",
                "| day 2",
                "(chill)",
                "w/ viewers",
                "| new setup"
            ])
        );
        streams.push(Stream {
            stream_id: 0,
            creator_id: creator.creator_id,
            category_id: categories[category].category_id,
            title: title.trim_end().to_owned(),
            started_at,
            ended_at,
        });
    }
}

/// Visits per stream in proportion to the creator's popularity and the stream's length. Each
/// viewer of a stream makes a chain of visits (leave, come back later); visit lengths are
/// heavy-tailed and visits end with the stream.
#[inline(never)]
fn sessions(
    rng: &mut Rng,
    n: usize,
    streams: &[Stream],
    popularity: &[f64],
    n_viewers: usize,
) -> Vec<ViewerSession> {
    let devices = Weighted::new(&DEVICES.iter().map(|d| d.1).collect::<Vec<_>>());
    let viewer_activity = Weighted::new(&zipf_weights(rng, n_viewers, 0.7));
    let weights: Vec<f64> = streams
        .iter()
        .map(|s| {
            let hours = (s.ended_at.unwrap_or(ANCHOR) - s.started_at) as f64 / HOUR as f64;
            popularity[s.creator_id as usize - 1] * libm::pow(hours, 0.7)
        })
        .collect();
    let per_stream = apportion(n, &weights);
    let mut sessions = Vec::with_capacity(n);
    let mut present = Present::new(n_viewers);
    for (stream, &wanted) in streams.iter().zip(&per_stream) {
        stream_sessions(
            rng,
            stream,
            wanted,
            (&devices, &viewer_activity, n_viewers),
            &mut present,
            &mut sessions,
        );
    }
    // The key is unique (a viewer joins a stream once at a time, and rejoins later), so the
    // quicker unstable sort gives the one order there is.
    sessions.sort_unstable_by_key(|s| (s.join_time, s.stream_id, s.viewer_id));
    for (i, session) in sessions.iter_mut().enumerate() {
        session.session_id = i as i64 + 1;
    }
    sessions
}

/// The visits of one stream, for [`sessions`]; out of line (see [`generate_all_but_chat`]).
#[inline(never)]
fn stream_sessions(
    rng: &mut Rng,
    stream: &Stream,
    wanted: usize,
    (devices, viewer_activity, n_viewers): (&Weighted, &Weighted, usize),
    present: &mut Present,
    sessions: &mut Vec<ViewerSession>,
) {
    let end = stream.ended_at.unwrap_or(ANCHOR);
    let length = end - stream.started_at;
    present.clear();
    let mut made = 0;
    while made < wanted && present.len() < n_viewers {
        let mut viewer = viewer_activity.sample(rng);
        while !present.insert(viewer) {
            viewer = (viewer + 1 + rng.below(n_viewers - 1)) % n_viewers;
        }
        let device = DEVICES[devices.sample(rng)].0;
        let visits = 1 + (0..5).take_while(|_| rng.chance(0.35)).count();
        // Most people arrive early; some drop in late.
        let mut join = stream.started_at + (libm::pow(rng.unit(), 1.6) * length as f64) as i64;
        for _ in 0..visits {
            if made == wanted || join >= end {
                break;
            }
            let stay = (rng.log_normal(12.0 * MINUTE as f64, 1.2) as i64).max(20);
            let leave = join + stay;
            let leave_time = match stream.ended_at {
                Some(ended) => Some(leave.min(ended)),
                // Late arrivals to a live stream are mostly still there at the anchor.
                None if ANCHOR - join < 30 * MINUTE && rng.chance(0.7) => None,
                None => Some(leave).filter(|l| *l <= ANCHOR),
            };
            sessions.push(ViewerSession {
                session_id: 0,
                stream_id: stream.stream_id,
                viewer_id: viewer as i64 + 1,
                join_time: join,
                leave_time,
                device,
            });
            made += 1;
            let Some(left) = leave_time else { break };
            join = left + 10 + rng.exponential(6.0 * MINUTE as f64) as i64;
        }
    }
}

/// The viewers of one stream so far: a set of viewer indexes cleared for each stream without
/// touching its entries (each remembers the stream it was last inserted for).
struct Present {
    round: Vec<u32>,
    current: u32,
    len: usize,
}

impl Present {
    fn new(n_viewers: usize) -> Present {
        Present {
            round: vec![0; n_viewers],
            current: 1,
            len: 0,
        }
    }

    fn clear(&mut self) {
        self.current += 1;
        self.len = 0;
    }

    /// Adds `viewer`; false when it was there already.
    fn insert(&mut self, viewer: usize) -> bool {
        if self.round[viewer] == self.current {
            return false;
        }
        self.round[viewer] = self.current;
        self.len += 1;
        true
    }

    fn len(&self) -> usize {
        self.len
    }
}

/// A moment inside a visit (a still-open visit runs to the anchor).
fn moment_in(rng: &mut Rng, session: &ViewerSession) -> Timestamp {
    let leave = session.leave_time.unwrap_or(ANCHOR);
    session.join_time + rng.between(0, leave - session.join_time + 1)
}

#[inline(never)]
fn gifts(
    rng: &mut Rng,
    n: usize,
    sessions: &[ViewerSession],
    catalog: &[GiftType],
    prices: &[GiftPrice],
) -> Vec<Gift> {
    let kinds = Weighted::new(&GIFTS.iter().map(|g| g.3).collect::<Vec<_>>());
    let mut gifts: Vec<Gift> = (0..n)
        .map(|_| gift(rng, sessions, (catalog, &kinds), prices))
        .collect();
    gifts.sort_by_key(|g| (g.sent_at, g.stream_id, g.viewer_id));
    for (i, gift) in gifts.iter_mut().enumerate() {
        gift.gift_id = i as i64 + 1;
    }
    gifts
}

/// One gift sent during a random visit, at the price in force then; out of line (see
/// [`generate_all_but_chat`]).
#[inline(never)]
fn gift(
    rng: &mut Rng,
    sessions: &[ViewerSession],
    (catalog, kinds): (&[GiftType], &Weighted),
    prices: &[GiftPrice],
) -> Gift {
    let session = &sessions[rng.below(sessions.len())];
    let sent_at = moment_in(rng, session);
    let gift_type = &catalog[kinds.sample(rng)];
    let quantity = match gift_type.tier {
        "small" => rng.pick(&[1, 1, 1, 1, 1, 1, 1, 2, 5, 10]),
        _ => 1,
    };
    let price =
        price_at(prices, gift_type.gift_type_id, sent_at).expect("a price is always in force");
    Gift {
        gift_id: 0,
        stream_id: session.stream_id,
        viewer_id: session.viewer_id,
        gift_type_id: gift_type.gift_type_id,
        quantity,
        amount_usd: price * Decimal::from(quantity),
        sent_at,
    }
}

const CHAT_LINES: &[&str] = &[
    "hi chat",
    "hello from {country}!",
    "lets gooo",
    "LOL",
    "lmao",
    "W",
    "L",
    "GG",
    "gg wp",
    "first time here",
    "been here since day one",
    "what game is this?",
    "song name?",
    "can you say hi to me?",
    "hype",
    "that was insane",
    "no way",
    "clip it!",
    "POG",
    "pog",
    "KEKW",
    "wait what",
    "???",
    "!!!",
    "good morning",
    "good night everyone",
    "brb",
    "back",
    "love this stream <3",
    "<3 <3 <3",
    "you got this",
    "unlucky",
    "so close",
    "how long have you been live?",
    "what are your specs?",
    "is this ranked?",
    "F",
    "o7",
    "this chat is wild",
    "mods?",
    "@{user} agreed",
    "@{user} lol",
    "hey @{user}",
    "dropping a follow",
    "just subscribed",
    "nice play",
    "my internet is lagging",
    "what time is it there?",
    "the music is too loud",
    "can't hear you",
    "mic is muted!",
    "best streamer",
    "this is my favourite part",
    "encore!",
    "rip",
    "ez",
    "1v5 incoming",
    "camera is frozen",
    "stream looks great today",
    "ok that was funny",
    "teach me",
    ">_<",
    "<b>bold move</b>",
    "<script>alert('hi')</script>",
    "a & b > c",
    "DROP TABLE chat_messages; --",
    "'; SELECT 1; --",
    "\"quoted\" text",
    "emoji time 🎉🔥",
    "こんにちは",
    "¿qué tal?",
    "tab\tseparated",
    "line one\nline two",
    "  padded  ",
];

fn chat_messages(
    rng: &mut Rng,
    n: usize,
    sessions: &[ViewerSession],
    viewers: &[Viewer],
) -> Vec<ChatMessage> {
    let mut messages: Vec<ChatMessage> = (0..n)
        .map(|_| {
            let session = &sessions[rng.below(sessions.len())];
            let sent_at = moment_in(rng, session);
            let line = rng.pick(CHAT_LINES);
            let body = if line.contains('{') {
                let other = &viewers[rng.below(viewers.len())];
                let author = &viewers[session.viewer_id as usize - 1];
                line.replace("{user}", &other.username)
                    .replace("{country}", author.country)
            } else {
                line.to_owned()
            };
            ChatMessage {
                message_id: 0,
                stream_id: session.stream_id,
                viewer_id: session.viewer_id,
                sent_at,
                body,
            }
        })
        .collect();
    messages.sort_by_key(|m| (m.sent_at, m.stream_id, m.viewer_id));
    for (i, message) in messages.iter_mut().enumerate() {
        message.message_id = i as i64 + 1;
    }
    messages
}
