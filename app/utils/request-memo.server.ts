// Reads shared by the loaders of one request (root, layouts and the page run in parallel for a document request):
// the first loader to ask starts the read, the others wait for the same promise, so one statement serves them all.
// The owner is the request's actor: getActor gives every loader of a page the same object (one session lookup in
// flight serves them all: app/utils/auth.server.ts), and a new object to the next request. Only actors that came
// from a request are memoised: an actor built elsewhere (a test, a job, the seed) is read afresh on every call, so a
// read after a write never sees a stale value outside the one request that shares it.
const owners = new WeakSet<object>();
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Marks an object (the actor of a request) as the owner of per-request reads. */
export function ownRequestReads(owner: object) {
  owners.add(owner);
}

/** `read()` once per owner and key when the owner is a request's; every call otherwise. */
export function perRequest<T>(owner: object, key: string, read: () => Promise<T>): Promise<T> {
  if (!owners.has(owner)) return read();
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = read();
    memo.set(key, found);
  }
  return found;
}
