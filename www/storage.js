// What the page keeps in localStorage: the draft, the data settings and the history. Storage can
// be missing (private windows), full or hold something unreadable: reads then give the fallback
// and writes report failure instead of throwing.

const PREFIX = 'livestream-sandbox.';

/** The value stored under `key` (JSON), or `fallback` when there is none or it cannot be read. */
export function load(key, fallback) {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Stores `value` as JSON under `key`; false when the browser refused (full or disabled). */
export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
