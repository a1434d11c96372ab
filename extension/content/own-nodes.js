// The elements Refully itself puts into Seller Central (the panel host, one host per badge). Each keeps
// everything it shows in its own shadow root and has no light-DOM children, so "is this node Refully's?"
// is one WeakSet lookup: the page watcher ignores their mutations and the capture leaves them out.
globalThis.Refully ??= {};

Refully.ownNodes = (() => {
  const hosts = new WeakSet();
  // How a host serialises in a capture: an empty element, e.g. <refully-badge data-…="…"></refully-badge>.
  const SERIALISED_HOST = /<refully-(badge|panel|claim-card|relay)\b[^>]*><\/refully-\1>/g;
  // Script bodies: the companion reads no script, and inline app state can be large (and hold buyer data).
  const SCRIPT_BODY = /(<script\b[^>]*>)[\s\S]*?<\/script>/gi;

  return {
    register(host) {
      hosts.add(host);
      return host;
    },
    isOwnNode: node => hosts.has(node),
    // The captured HTML without Refully's hosts (the companion sees the page as Seller Central drew it, and
    // a capture taken after badges were drawn equals the one taken before) and without script bodies.
    stripFrom: html => (html.includes("<refully-") ? html.replace(SERIALISED_HOST, "") : html).replace(SCRIPT_BODY, "$1</script>"),
  };
})();
