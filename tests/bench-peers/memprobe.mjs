// Wasm linear memory of whatever the page or process instantiates: every Memory an instance
// exports or that is created for import is remembered. Linear memory never shrinks, so the sum of
// their sizes now is the most they have needed. Install before any engine loads.

const memories = new Set();

export function installMemoryProbe() {
  const W = globalThis.WebAssembly;
  if (W.__probed) return;
  const Memory = W.Memory;
  const grab = (instance) => {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof Memory) memories.add(value);
    }
  };
  const instantiate = W.instantiate;
  W.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    grab(result.instance ?? result);
    return result;
  };
  if (W.instantiateStreaming) {
    const streaming = W.instantiateStreaming;
    W.instantiateStreaming = async function (...args) {
      const result = await streaming.apply(this, args);
      grab(result.instance);
      return result;
    };
  }
  const Instance = W.Instance;
  W.Instance = class extends Instance {
    constructor(module, imports) {
      super(module, imports);
      grab(this);
    }
  };
  W.Memory = class extends Memory {
    constructor(descriptor) {
      super(descriptor);
      memories.add(this);
    }
  };
  W.__probed = true;
}

/** Bytes of linear memory of every instance seen so far (0 if none). */
export function linearMemoryBytes() {
  let total = 0;
  for (const memory of memories) total += memory.buffer.byteLength;
  return total;
}
