// A stand-in for Seller Central's single-page routing: navigate() changes the URL with
// history.pushState (no reload) and renders the new page's content, as the real site does.
(() => {
  const PAGES = {
    "/reportcentral/REIMBURSEMENTS/0": `
      <h1>Reimbursements</h1>
      <kat-table id="reimbursements">
        <kat-table-head><kat-table-row>
          <kat-table-cell header="approval-date"></kat-table-cell>
          <kat-table-cell header="reimbursement-id"></kat-table-cell>
          <kat-table-cell header="reason"></kat-table-cell>
          <kat-table-cell header="amount-total"></kat-table-cell>
        </kat-table-row></kat-table-head>
        <kat-table-body>
          <kat-table-row><kat-table-cell>2024-10-01</kat-table-cell><kat-table-cell>5551234567</kat-table-cell><kat-table-cell>Lost_Warehouse</kat-table-cell><kat-table-cell>41.70</kat-table-cell></kat-table-row>
          <kat-table-row><kat-table-cell>2024-10-03</kat-table-cell><kat-table-cell>5551234568</kat-table-cell><kat-table-cell>Damaged_Warehouse</kat-table-cell><kat-table-cell>12.99</kat-table-cell></kat-table-row>
        </kat-table-body>
      </kat-table>`,
  };

  window.sellerCentralApp = {
    navigate(path) {
      history.pushState({}, "", path);
      document.title = "Reimbursements - Seller Central";
      document.getElementById("app").innerHTML = PAGES[path] ?? "<h1>Page not found</h1>";
    },
  };
})();
