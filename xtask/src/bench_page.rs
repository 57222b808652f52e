//! `cargo xtask bench-page`: the page in headless Chromium, timed. Time to first answer (navigation
//! start to the seed payout result on screen, opened through a share link so the page runs it by
//! itself) at scales S and M, the median of cold loads in fresh browser contexts, and the sizes of
//! what the browser downloads. A benchmark that reports, not a test that fails on a figure.

use super::{address, build, build_page, listen, run, serve_files, Result, CHROMIUM};
use std::path::Path;
use std::process::Command;

pub fn bench_page() -> Result<()> {
    if !Path::new(CHROMIUM).exists() {
        return Err(format!("{CHROMIUM} is missing: run `cargo xtask setup`"));
    }
    let package = build()?;
    let dist = build_page(&package)?;
    let listener = listen(0)?;
    let url = format!("http://{}/", address(&listener)?);
    let served = dist.clone();
    std::thread::spawn(move || serve_files(listener, served));
    run(Command::new("node")
        .arg("tests/bench/page.bench.mjs")
        .envs(package.env())
        .env("SANDBOX_URL", url)
        .env("SANDBOX_CHROMIUM", CHROMIUM)
        .env("SANDBOX_DIST", &dist))
}
