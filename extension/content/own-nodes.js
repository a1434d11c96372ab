// The elements Refully itself puts into Seller Central (the panel host, one host per badge, the capture relay's
// host). Each keeps everything it shows in its own shadow root and has no light-DOM children, so "is this node
// Refully's?" is one WeakSet lookup: the page watcher ignores their mutations, and the capture skips their roots and
// strips the hosts from its HTML (capture-page.js, `strip`).
globalThis.Refully ??= {};

Refully.ownNodes = (() => {
  const hosts = new WeakSet();

  return {
    register(host) {
      hosts.add(host);
      return host;
    },
    isOwnNode: node => hosts.has(node),
  };
})();
