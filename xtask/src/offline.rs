//! The page's service worker: `www/sw.js` is a template; the build writes `dist/sw.js` with the
//! list of files to keep and a version that is a digest of them, so any rebuild that changes a
//! file gives browsers a new worker, which replaces the files it kept.

use super::Result;
use std::path::Path;

const TEMPLATE: &str = "www/sw.js";
const VERSION: &str = "__SANDBOX_VERSION__";
const ASSETS: &str = "'__SANDBOX_ASSETS__'";

/// Writes `dist/sw.js` for the files now in `dist`.
pub fn write_service_worker(root: &Path, dist: &Path) -> Result<()> {
    let template_path = root.join(TEMPLATE);
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("reading {}: {e}", template_path.display()))?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).map_err(|e| format!("reading {}: {e}", dist.display()))? {
        let path = entry
            .map_err(|e| format!("reading {}: {e}", dist.display()))?
            .path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_file() && name != "sw.js" {
            let bytes =
                std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
            files.push((name.to_owned(), bytes));
        }
    }
    files.sort();
    let worker = service_worker(&template, &files)?;
    let out = dist.join("sw.js");
    std::fs::write(&out, worker).map_err(|e| format!("writing {}: {e}", out.display()))
}

/// The template with the version and the file list filled in.
fn service_worker(template: &str, files: &[(String, Vec<u8>)]) -> Result<String> {
    if !template.contains(VERSION) || !template.contains(ASSETS) {
        return Err(format!("{TEMPLATE} lacks {VERSION} or {ASSETS}"));
    }
    let assets: Vec<String> = files.iter().map(|(name, _)| format!("'{name}'")).collect();
    let version = format!("{:016x}", digest(files));
    Ok(template
        .replace(VERSION, &version)
        .replace(ASSETS, &assets.join(", ")))
}

/// FNV-1a over every name and its bytes: stable across machines and Rust versions.
fn digest(files: &[(String, Vec<u8>)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in files {
        for byte in name
            .bytes()
            .chain([0])
            .chain(bytes.iter().copied())
            .chain([0])
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_changes_the_version() {
        let template = "const V = '__SANDBOX_VERSION__'; const A = ['./', '__SANDBOX_ASSETS__'];";
        let files = vec![
            ("a.js".to_owned(), b"one".to_vec()),
            ("b.wasm".to_owned(), b"two".to_vec()),
        ];
        let first = service_worker(template, &files).unwrap();
        assert!(first.contains("['./', 'a.js', 'b.wasm']"), "{first}");
        assert_eq!(first, service_worker(template, &files).unwrap());
        let mut changed = files.clone();
        changed[1].1.push(b'!');
        assert_ne!(first, service_worker(template, &changed).unwrap());
        assert!(service_worker("no markers", &files).is_err());
    }
}
