// Request/response over postMessage. Each request carries an id; the worker answers with the same
// id and either `result` or `error` (the engine's error object: {kind, message, ...}).

/**
 * Serves `handlers` (name -> async function of params) inside a worker, one request at a time in
 * the order sent: each answer is posted before the next request starts. (Requests waiting on the
 * same promise would otherwise all run before the first answer left: the page's `meta` answer
 * waited for the whole `open` behind it.)
 */
export function serve(handlers) {
  let queue = Promise.resolve();
  self.onmessage = ({ data: { id, method, params } }) => {
    queue = queue.then(async () => {
      try {
        const result = await handlers[method](params);
        self.postMessage({ id, result });
      } catch (error) {
        self.postMessage({ id, error: asEngineError(error) });
      }
    });
  };
}

/** Engine errors arrive as plain objects; anything else (a trap, a bug) gets the same shape. */
function asEngineError(error) {
  if (error && typeof error === 'object' && typeof error.kind === 'string') return error;
  return { kind: 'internal', message: String(error?.message ?? error) };
}

/** A client for a worker that runs `serve`. `call` returns a promise of the result. */
export function connect(worker) {
  let nextId = 1;
  const pending = new Map();
  const failAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = ({ data: { id, result, error } }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (error) request.reject(error);
    else request.resolve(result);
  };
  // A worker that fails to load (or dies) answers nothing: fail what is waiting rather than hang.
  worker.onerror = (event) => {
    event.preventDefault();
    failAll({ kind: 'internal', message: `The sandbox stopped: ${event.message || 'it could not start'}` });
  };
  return {
    call(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, method, params });
      });
    },
    /** Stops the worker at once; whatever was waiting rejects with `error`. */
    terminate(error) {
      worker.terminate();
      failAll(error);
    },
  };
}
