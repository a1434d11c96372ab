// A stand-in for a Seller Central report's online view (Report Central): the page's own script renders the
// rows of the current page from data, SPA-style. "Next"/"Previous" replace every row element and change the
// URL (pageOffset in the path's JSON, as the real site does) without a reload; rerender() draws the same
// rows again as new elements, like a framework re-render. The page also READS its rows ("Showing 1–5 of
// 10", cells per row), so a test can check that Refully's badges change nothing the page reads.
// Data: <script type="application/json" id="report-data">{ report, pageSize, columns: [keys], rows: [[…]] }</script>
// Markup: #report (a kat-table), #showing, #previous, #next — in the document, or, when the page has a
// <report-central-view> shell, inside the shell's OPEN shadow root (copied from <template id="report-view">),
// as micro-frontends render them: then the rows exist only in shadow DOM.
(() => {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const shell = document.querySelector("report-central-view");
  let scope = document;
  if (shell) {
    scope = shell.attachShadow({ mode: "open" });
    scope.append(document.getElementById("report-view").content.cloneNode(true));
  }
  const table = scope.getElementById("report");
  const status = scope.getElementById("showing");
  let page = 1;
  const pages = Math.ceil(data.rows.length / data.pageSize);

  function currentRows() {
    return data.rows.slice((page - 1) * data.pageSize, page * data.pageSize);
  }

  function katRow(cells) {
    const row = document.createElement("kat-table-row");
    row.setAttribute("role", "row");
    for (const text of cells) {
      const cell = document.createElement("kat-table-cell");
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }

  function bodyRows() {
    return [...table.querySelector("kat-table-body").children].filter(el => el.localName === "kat-table-row");
  }

  function cellsOf(row) {
    return [...row.children].filter(el => el.localName === "kat-table-cell").length;
  }

  // What the page itself reads from its DOM.
  function measure() {
    const rows = bodyRows();
    return { rows: rows.length, cells: rows.map(cellsOf), tableWidth: Math.round(table.getBoundingClientRect().width) };
  }

  function render() {
    table.querySelector("kat-table-body").replaceChildren(...currentRows().map(katRow));
    const shown = measure().rows;
    const first = (page - 1) * data.pageSize + 1;
    status.textContent = `Showing ${first}–${first + shown - 1} of ${data.rows.length}`;
    window.reportApp.rendered = measure();
    window.reportApp.renders++;
  }

  function go(to) {
    page = Math.min(Math.max(1, to), pages);
    const state = encodeURIComponent(JSON.stringify({ filters: ["", "", "", ""], pageOffset: page, searchDays: 30 }));
    history.pushState({}, "", `/reportcentral/${data.report}/0/${state}`);
    render();
  }

  window.reportApp = {
    renders: 0,
    rendered: null,
    measure,
    next: () => go(page + 1),
    previous: () => go(page - 1),
    rerender: render,
  };
  scope.getElementById("next").addEventListener("click", () => go(page + 1));
  scope.getElementById("previous").addEventListener("click", () => go(page - 1));
  customElements.whenDefined("kat-table-row").then(render);
})();
