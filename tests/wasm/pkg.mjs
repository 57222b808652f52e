// Loads the wasm package `cargo xtask build` wrote. xtask passes its paths in the environment, so
// the out-dir set in wasm-pack.toml is written nowhere else.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function need(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this through \`cargo xtask test-wasm\` or \`cargo xtask bench-wasm\``);
  }
  return value;
}

/**
 * The module's exports, instantiated from the .wasm bytes on disk (`--target web` output), plus
 * `memory`, the module's linear memory.
 */
export async function loadPackage() {
  const pkg = await import(pathToFileURL(need('SANDBOX_PKG_JS')).href);
  const instance = pkg.initSync({ module: readFileSync(need('SANDBOX_PKG_WASM')) });
  return { ...pkg, memory: instance.memory };
}
