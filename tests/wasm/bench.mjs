// `cargo xtask bench-wasm`: the same benchmark as `sandbox bench`, run by the wasm module.
import { loadPackage } from './pkg.mjs';

const RUNS = [['S', 5], ['M', 3]];

const pkg = await loadPackage();
for (const [scale, runs] of RUNS) {
  const report = pkg.bench(scale, runs);
  console.log(`wasm, scale ${report.scale} (${report.rows.toLocaleString('en')} rows), ${runs} runs`);
  console.log(`  ${'step'.padEnd(24)} ${'median ms'.padStart(12)} ${'first ms'.padStart(12)}`);
  for (const m of report.measurements) {
    console.log(`  ${m.name.padEnd(24)} ${m.median_ms.toFixed(1).padStart(12)} ${m.first_ms.toFixed(1).padStart(12)}`);
  }
  // Linear memory never shrinks: this is the most the module has needed so far in this process.
  const mb = report.peak_memory_bytes / 1048576;
  console.log(`  linear memory ${mb.toFixed(0)} MB (node RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB)\n`);
}
