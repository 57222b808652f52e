// Share links: the query and the data it ran on, in the URL hash. The hash reads
// `#v=1&q=<payload>`: `v` is the link format, `q` is base64url of raw DEFLATE (the browser's own) of
// UTF-8 JSON {sql, seed, scale, clock, generator, analysis?}: `analysis` is the id of the guided analysis
// the query came from, when one is open. Whatever a link holds is checked before use: a link is
// data from a stranger.

export const FORMAT = 1;
/** Longer links than this are refused before decoding (browsers keep URLs of a few MB). */
const MAX_LINK_CHARS = 1_000_000;
/** What a payload may inflate to: room for a very long query, not for a decompression bomb. */
const MAX_JSON_BYTES = 2_000_000;
/** Analysis ids are short words; a longer one is not from this page. */
const MAX_ID_CHARS = 100;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A link that cannot be used; `message` is for the user. */
export class LinkError extends Error {}

/** True when `hash` (location.hash) is meant as a share link, readable or not. */
export function isShareHash(hash) {
  return /^#v=/.test(hash) || /^#q=/.test(hash);
}

/** The URL for `state` ({sql, seed, scale, clock, generator, analysis?}) on the page at `base`. */
export async function linkFor(base, state) {
  const json = JSON.stringify({
    sql: state.sql,
    seed: state.seed,
    scale: state.scale,
    clock: state.clock,
    generator: state.generator,
    ...(state.analysis ? { analysis: state.analysis } : {}),
  });
  const deflated = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const payload = toBase64Url(new Uint8Array(await new Response(deflated).arrayBuffer()));
  return `${base.split('#')[0]}#v=${FORMAT}&q=${payload}`;
}

/** The state in a share hash, checked; throws LinkError saying what is wrong. */
export async function readLink(hash) {
  if (hash.length > MAX_LINK_CHARS) throw new LinkError('This link is too long to be a sandbox link.');
  const params = new URLSearchParams(hash.slice(1));
  const version = params.get('v');
  const payload = params.get('q');
  if (version !== String(FORMAT)) {
    if (/^\d+$/.test(version ?? '') && Number(version) > FORMAT) {
      throw new LinkError('This link was made by a newer version of this page, which this one cannot read.');
    }
    throw new LinkError('This link is not a sandbox link: it has no format version this page knows.');
  }
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) {
    throw new LinkError('This link is damaged: its query part is missing or has characters a link never has.');
  }
  let json;
  try {
    json = new TextDecoder().decode(await inflateBounded(fromBase64Url(payload)));
  } catch (error) {
    if (error instanceof LinkError) throw error;
    throw new LinkError('This link is damaged: it could not be unpacked (was it cut short when copied?).');
  }
  let state;
  try {
    state = JSON.parse(json);
  } catch {
    throw new LinkError('This link is damaged: what it holds is not readable.');
  }
  return checked(state);
}

/** Only the fields a link may carry, each of the right kind. */
function checked(state) {
  const bad = (what) => new LinkError(`This link is damaged: ${what}.`);
  if (!state || typeof state !== 'object' || Array.isArray(state)) throw bad('it holds no query');
  const { sql, seed, scale, clock, generator } = state;
  if (typeof sql !== 'string') throw bad('it holds no query text');
  if (!Number.isSafeInteger(seed) || seed < 0) throw bad('its seed is not a whole number from 0');
  if (scale !== 'S' && scale !== 'M') throw bad('its scale is not S or M');
  if (typeof clock !== 'string' || (clock !== '' && !TIMESTAMP.test(clock))) {
    throw bad('its dataset clock is not a timestamp like 2026-11-01 00:00:00');
  }
  if (!Number.isSafeInteger(generator) || generator < 1) throw bad('it names no data version');
  // Whether the page has this analysis is the page's to say; here only its kind is checked.
  const { analysis = null } = state;
  if (analysis !== null && (typeof analysis !== 'string' || analysis.length > MAX_ID_CHARS)) {
    throw bad('the analysis it names is not a short name');
  }
  return { sql, seed, scale, clock, generator, analysis };
}

/** Raw DEFLATE, read piece by piece so a bomb is stopped before it fills the memory. */
async function inflateBounded(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_JSON_BYTES) {
      reader.cancel();
      throw new LinkError('This link holds more than this page accepts.');
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
