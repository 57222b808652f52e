//! Ten thousand malformed and hostile statements: every one either answers or fails with a
//! clear error, none panics, none runs past a time bound.

use livestream_sandbox::engine::{Config, Engine};
use livestream_sandbox::generate::{self, Scale};
use livestream_sandbox::queries;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

const CORPUS_SIZE: usize = 10_000;
const ROW_BUDGET: u64 = 2_000_000;
const TIME_BOUND: Duration = Duration::from_secs(5);

/// xorshift64*: the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const BASES: &[&str] = &[
    queries::SEED_PAYOUT,
    queries::AVERAGE_CONCURRENCY,
    queries::CHAT_OUT_OF_POLICY,
    "SELECT stream_id, COUNT(*) AS visits FROM viewer_sessions GROUP BY stream_id HAVING COUNT(*) > 3 ORDER BY visits DESC LIMIT 10",
    "SELECT c.handle, SUM(g.amount_usd) FROM gifts g JOIN streams s ON s.stream_id = g.stream_id JOIN creators c ON c.creator_id = s.creator_id GROUP BY c.handle",
    "SELECT * FROM chat_messages WHERE body ILIKE '%gg%' AND sent_at BETWEEN '2026-10-01' AND '2026-10-02' ORDER BY sent_at LIMIT 50",
    "SELECT v.username, COUNT(DISTINCT vs.stream_id) FROM viewers v LEFT JOIN viewer_sessions vs ON vs.viewer_id = v.viewer_id GROUP BY v.username",
    "SELECT CASE WHEN amount_usd > 10 THEN 'big' ELSE 'small' END AS size, COUNT(*) FROM gifts GROUP BY size",
    "SELECT gift_type_id, price_usd FROM gift_prices WHERE valid_to IS NULL ORDER BY price_usd DESC",
    "SELECT EXTRACT(HOUR FROM started_at) AS hour, COUNT(*) FROM streams GROUP BY EXTRACT(HOUR FROM started_at)",
    "SELECT stream_id FROM streams WHERE stream_id IN (SELECT stream_id FROM gifts WHERE amount_usd > 50)",
    "SELECT s.title || ' by ' || c.handle FROM streams s JOIN creators c ON c.creator_id = s.creator_id WHERE s.ended_at IS NULL",
    "UPDATE creators SET country = 'US' WHERE creator_id = 1",
    "INSERT INTO stream_categories VALUES (100, 'Test', FALSE)",
    "SELECT COUNT(*) FROM gifts WHERE sent_at >= NOW() - INTERVAL '3 days'",
];

const JUNK: &[&str] = &[
    "(",
    ")",
    ",",
    "'",
    "\"",
    ";",
    "--",
    "/*",
    "*/",
    "SELECT",
    "FROM",
    "JOIN",
    "NULL",
    "OVER ()",
    "FILTER (WHERE TRUE)",
    "::",
    "$1",
    "\\",
    "\0",
    "é",
    "🎉",
    "*",
    "+",
    "INTERVAL 'x days'",
    "1e999",
    "99999999999999999999999999999",
    "-",
    "/ 0",
    "WITH x AS (SELECT 1)",
    "UNION",
    "ORDER BY",
    "GROUP BY",
    "LIMIT -1",
    "OFFSET 99999999999",
    "CAST(",
    "AS INT8)",
    "'garbage'",
    "DISTINCT",
    "<script>alert(1)</script>",
    "E'\\x00'",
    "NOW()",
    "CURRENT_TIMESTAMP",
    "ROW_NUMBER()",
    "LATERAL",
    "NATURAL JOIN chat_messages",
    "CROSS JOIN viewer_sessions",
    "TRUE",
    "NOT",
    "COUNT(*)",
    "'2026-13-45'",
    "INTERVAL '1' MONTH",
    "$$",
    "#",
    "@",
    "`",
    "[",
    "]",
    "{",
    "}",
];

fn truncated(rng: &mut Rng, sql: &str) -> String {
    let mut cut = rng.below(sql.len() + 1);
    while !sql.is_char_boundary(cut) {
        cut -= 1;
    }
    sql[..cut].to_owned()
}

fn with_junk(rng: &mut Rng, sql: &str) -> String {
    let mut words: Vec<&str> = sql.split(' ').collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(words.len() + 1);
        words.insert(at, rng.pick(JUNK));
    }
    words.join(" ")
}

fn without_word(rng: &mut Rng, sql: &str) -> String {
    let mut words: Vec<&str> = sql.split(' ').collect();
    let at = rng.below(words.len());
    words.remove(at);
    words.join(" ")
}

fn huge_literal(rng: &mut Rng) -> String {
    let n = 1 + rng.below(200_000);
    match rng.below(4) {
        0 => format!("SELECT '{}'", "x".repeat(n)),
        1 => format!("SELECT {}", "9".repeat(n.min(5_000))),
        2 => format!(
            "SELECT COUNT(*) FROM gifts WHERE amount_usd > {}.{}",
            "1".repeat(n % 400),
            "5".repeat(n % 300)
        ),
        _ => format!(
            "SELECT * FROM chat_messages WHERE body = '{}'",
            "'".repeat(2 * (n % 5_000))
        ),
    }
}

fn deep_nesting(rng: &mut Rng) -> String {
    let depth = 1 + rng.below(2_000);
    match rng.below(5) {
        0 => format!("SELECT {}1{}", "(".repeat(depth), ")".repeat(depth)),
        1 => format!("SELECT {}", vec!["1"; depth].join(" + ")),
        2 => format!("SELECT {}TRUE", "NOT ".repeat(depth)),
        3 => format!(
            "SELECT {}1{}",
            "(SELECT ".repeat(depth.min(300)),
            ")".repeat(depth.min(300))
        ),
        _ => format!(
            "SELECT COUNT(*) FROM gifts WHERE {}",
            (0..depth)
                .map(|i| format!("gift_id = {i}"))
                .collect::<Vec<_>>()
                .join(" OR ")
        ),
    }
}

fn cross_join(rng: &mut Rng) -> String {
    let tables = [
        "chat_messages",
        "viewer_sessions",
        "gifts",
        "streams",
        "viewers",
    ];
    let n = 2 + rng.below(3);
    let mut sql = format!(
        "SELECT COUNT(*) FROM {} t0",
        tables[rng.below(tables.len())]
    );
    for i in 1..n {
        let table = tables[rng.below(tables.len())];
        match rng.below(3) {
            0 => sql.push_str(&format!(" JOIN {table} t{i} ON TRUE")),
            1 => sql.push_str(&format!(", {table} t{i}")),
            _ => sql.push_str(&format!(
                " JOIN {table} t{i} ON t{i}.stream_id <> t0.stream_id"
            )),
        }
    }
    sql
}

fn soup(rng: &mut Rng) -> String {
    let n = rng.below(300);
    (0..n)
        .map(|_| match rng.below(3) {
            0 => rng.pick(JUNK).to_owned(),
            _ => char::from(32 + rng.below(95) as u8).to_string(),
        })
        .collect()
}

fn corpus() -> Vec<String> {
    let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
    (0..CORPUS_SIZE)
        .map(|_| {
            let base = rng.pick(BASES);
            match rng.below(20) {
                0..=5 => truncated(&mut rng, base),
                6..=10 => with_junk(&mut rng, base),
                11..=13 => without_word(&mut rng, base),
                14 => huge_literal(&mut rng),
                15 => deep_nesting(&mut rng),
                16 => cross_join(&mut rng),
                17 => soup(&mut rng),
                _ => {
                    let cut = truncated(&mut rng, base);
                    with_junk(&mut rng, &cut)
                }
            }
        })
        .collect()
}

/// A tenth of scale S, so that the valid statements in the corpus stay quick.
fn small_engine() -> Engine {
    let mut data = generate::generate(1, Scale::S);
    data.sessions.truncate(5_000);
    data.gifts.truncate(100);
    data.chat_messages.truncate(10_000);
    let mut config = Config::new(1, Scale::S);
    config.row_budget = ROW_BUDGET;
    Engine::with_data(config, &data).unwrap()
}

fn run_half(half: usize) {
    let mut engine = small_engine();
    let (mut answered, mut refused) = (0, 0);
    let mut slowest = (Duration::ZERO, String::new());
    for (i, sql) in corpus()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == half)
    {
        let start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| engine.run(&sql)));
        let elapsed = start.elapsed();
        match outcome {
            Ok(Ok(_)) => answered += 1,
            Ok(Err(error)) => {
                let message = error.to_string();
                assert!(
                    !message.trim().is_empty(),
                    "case {i}: empty error for {sql:.200}"
                );
                refused += 1;
            }
            Err(_) => panic!("case {i} panicked: {sql:.300}"),
        }
        if elapsed > slowest.0 {
            slowest = (elapsed, sql.chars().take(120).collect());
        }
    }
    eprintln!(
        "half {half}: {answered} answered, {refused} refused; slowest {:?}: {}",
        slowest.0, slowest.1
    );
    assert!(
        slowest.0 < TIME_BOUND,
        "case took {:?}: {}",
        slowest.0,
        slowest.1
    );
    assert!(
        answered > 200 && refused > 2_000,
        "the corpus exercises both paths"
    );
}

// Two halves so the corpus runs on both cores.
#[test]
fn corpus_first_half_never_panics_or_hangs() {
    run_half(0);
}

#[test]
fn corpus_second_half_never_panics_or_hangs() {
    run_half(1);
}
