// Pagefind's browser script as the search worker imports it, handing over to the fake a unit test
// sets on globalThis (tests/unit/search-worker-turns.test.ts).
export const options = async () => {};
export const init = async () => {};
export const mergeIndex = async () => {};
export const preload = async () => {};
export const search = (query) => globalThis.fakePagefind.search(query);
