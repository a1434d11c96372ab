// Start-up and navigation: which view the address (#findings, #finding/ID, #claims, #draft/ID, #reports) shows,
// and nothing but the "not paired" notice until the dashboard holds a token the companion accepts.
import { byId } from './dom.js';
import { hasToken } from './api.js';
import * as pairing from './pairing.js';
import * as findings from './findings.js';
import * as findingDetail from './finding-detail.js';
import * as claims from './claims.js';
import * as draft from './draft.js';
import * as reports from './reports.js';

const ROUTES = {
  findings: { section: 'view-findings', nav: 'findings', view: findings },
  finding: { section: 'view-finding', nav: 'findings', view: findingDetail },
  claims: { section: 'view-claims', nav: 'claims', view: claims },
  draft: { section: 'view-draft', nav: 'claims', view: draft },
  reports: { section: 'view-reports', nav: 'reports', view: reports },
};

function parseHash() {
  const [name, ...rest] = location.hash.replace(/^#/, '').split('/');
  const route = ROUTES[name] ? name : 'findings';
  return { route, param: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

let current = null;

async function render() {
  const paired = hasToken();
  byId('nav').hidden = !paired;
  byId('not-paired').hidden = paired;
  for (const { section } of Object.values(ROUTES)) byId(section).hidden = true;
  if (!paired) return;

  const { route, param } = parseHash();
  const target = ROUTES[route];
  for (const link of byId('nav').querySelectorAll('a')) {
    if (link.dataset.view === target.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const changed = current !== `${route}/${param}`;
  current = `${route}/${param}`;
  byId(target.section).hidden = false;
  await target.view.show(param);
  if (changed) byId(target.section).querySelector('h2')?.focus({ preventScroll: true });
}

function start() {
  for (const { view } of Object.values(ROUTES)) view.init();
  pairing.init();
  window.addEventListener('hashchange', render);
  window.addEventListener('refully:auth', () => {
    current = null;
    render();
  });
  render();
}

start();
