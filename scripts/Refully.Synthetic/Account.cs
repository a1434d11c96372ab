namespace Refully.Synthetic;

/// <summary>
/// One synthetic seller account being built: the rows of every report, and what the engine must find in
/// them. Scenarios call the small verbs below (Lose, Find, Reimburse, Sell, Refund, Return …); each verb
/// writes the rows Amazon would write for that event. All dates are "age" days before asOf.
/// </summary>
public sealed class Account(int seed, DateOnly asOf, int scale, bool europe)
{
    public int Seed { get; } = seed;
    public DateOnly AsOf { get; } = asOf;
    public int Scale { get; } = scale;

    /// <summary>Whether the seller also sells in the UK (its Seller Central Europe account).</summary>
    public bool Europe { get; } = europe;

    public IEnumerable<Market> Markets => Europe ? [Market.Us, Market.Uk] : [Market.Us];
    public Random Random { get; } = new(seed);
    public Ids Ids => _ids ??= new Ids(Random);

    /// <summary>How far back the downloads go (the ledger keeps 18 months; we take a little over a year).</summary>
    public const int HistoryDays = 430;

    public List<Product> Products { get; } = [];
    public List<LedgerRow> Ledger { get; } = [];
    public List<ReimbursementRow> Reimbursements { get; } = [];
    public List<ReturnRow> Returns { get; } = [];
    public List<TransactionRow> Transactions { get; } = [];
    public List<Shipment> Shipments { get; } = [];
    public List<RemovalRow> Removals { get; } = [];
    public List<Dictionary<string, object?>> Expected { get; } = [];
    public List<Dictionary<string, object?>> Decoys { get; } = [];

    private Ids? _ids;
    private readonly Catalog _catalog = new();

    public DateOnly Day(int age) => AsOf.AddDays(-age);

    public string Fc(Market market) => market.FulfillmentCenters[Random.Next(market.FulfillmentCenters.Length)];

    /// <summary>A new product used by one scenario only (so FNSKU-wide offsets of other scenarios never touch it).</summary>
    public Product NewProduct(Market market, bool withCost)
    {
        var (title, sku) = _catalog.Next(Random, market);
        var price = Random.Next(9, 60) + 0.99m;
        var cost = withCost ? Math.Round(price * (0.28m + Random.Next(0, 18) / 100m), 2) : (decimal?)null;
        var product = new Product(market, sku, Ids.Fnsku(), Ids.Asin(), title, price, cost);
        Products.Add(product);
        return product;
    }

    // ---- Ledger ----------------------------------------------------------------------------------------

    public string Lose(Product p, int age, int units, string reason = "M")
    {
        var id = Ids.TransactionItem();
        Ledger.Add(new LedgerRow(Day(age), p, "Adjustments", id, -units, Fc(p.Market), "SELLABLE", reason, 0, units));
        return id;
    }

    public string Find(Product p, int age, int units, string reason = "F", bool asAmazonFound = false)
    {
        var id = Ids.TransactionItem();
        Ledger.Add(new LedgerRow(Day(age), p, "Adjustments", id, units, Fc(p.Market), "SELLABLE", reason,
            Msku: asAmazonFound ? $"Amazon.Found.{p.Asin}" : null, Fnsku: asAmazonFound ? p.Asin : null));
        return id;
    }

    /// <summary>A damage adjustment: the coded decrease from its source disposition, then the paired P increase.</summary>
    public string Damage(Product p, int age, int units, string reason)
    {
        var from = reason switch
        {
            "6" => "CARRIER_DAMAGED",
            "7" => "EXPIRED",
            "H" => "CUSTOMER_DAMAGED",
            "K" => "DEFECTIVE",
            "U" => "DISTRIBUTOR_DAMAGED",
            _ => "SELLABLE",
        };
        var fc = Fc(p.Market);
        var id = Ids.TransactionItem();
        Ledger.Add(new LedgerRow(Day(age), p, "Adjustments", id, -units, fc, from, reason, units, 0));
        Ledger.Add(new LedgerRow(Day(age), p, "Adjustments", Ids.TransactionItem(), units, fc, "WAREHOUSE_DAMAGED", "P"));
        return id;
    }

    public void LedgerEvent(Product p, int age, string eventType, string reference, int quantity, string disposition = "SELLABLE", string reason = "") =>
        Ledger.Add(new LedgerRow(Day(age), p, eventType, reference, quantity, Fc(p.Market), disposition, reason));

    // ---- Reimbursements ---------------------------------------------------------------------------------

    public string Reimburse(Product p, int age, string reason, int cash, decimal amountPerUnit, int inventory = 0, string? orderId = null)
    {
        var id = Ids.Reimbursement();
        var caseId = reason is "CustomerReturn" or "CustomerServiceIssue" || Random.Next(4) == 0 ? null : Ids.Case();
        Reimbursements.Add(new ReimbursementRow(Day(age), id, caseId, orderId, reason, p, amountPerUnit, cash, inventory));
        return id;
    }

    public string Reverse(Product p, int age, string originalId, string originalType, int units, decimal amountPerUnit, string? orderId = null)
    {
        var id = Ids.Reimbursement();
        Reimbursements.Add(new ReimbursementRow(Day(age), id, null, orderId, "Reimbursement_Reversal", p, amountPerUnit, -units, 0, originalId, originalType));
        return id;
    }

    // ---- Orders, refunds, returns -------------------------------------------------------------------------

    public string Sell(Product p, int age, int units, bool amazonFulfilled = true)
    {
        var orderId = Ids.Order(p.Market);
        var sales = p.Price * units;
        var tax = p.Market.IsUs ? Math.Round(sales * 0.0825m, 2) : 0m;
        var shipping = amazonFulfilled ? 0m : 4.99m;
        var referral = -Math.Round((sales + shipping) * 0.15m, 2);
        var fba = amazonFulfilled ? -Math.Round((3.22m + p.Price / 25m) * units, 2) : 0m;
        Transactions.Add(new TransactionRow(p.Market, Day(age), 480 + Random.Next(0, 360), Settlement(age), "Order", orderId, p, p.Title, units,
            amazonFulfilled ? "Amazon" : "Seller", sales, tax, shipping, referral, fba, 0));
        if (amazonFulfilled)
        {
            LedgerEvent(p, age, "Shipments", orderId, -units);
        }
        return orderId;
    }

    /// <summary>A refund row of the Date Range report: principal back to the buyer, referral fee back less the admin fee.</summary>
    public void Refund(Product p, string orderId, int age, int units, bool amazonFulfilled = true)
    {
        var sales = p.Price * units;
        var tax = p.Market.IsUs ? Math.Round(sales * 0.0825m, 2) : 0m;
        var referralBack = Math.Round(sales * 0.15m * 0.8m, 2);
        Transactions.Add(new TransactionRow(p.Market, Day(age), 480 + Random.Next(0, 360), Settlement(age), "Refund", orderId, p, p.Title, units,
            amazonFulfilled ? "Amazon" : "Seller", -sales, -tax, 0, referralBack, 0, 0));
    }

    public void Return(Product p, string orderId, int age, int units, string disposition, string reason, string comments = "")
    {
        var status = disposition switch
        {
            "SELLABLE" => "Unit returned to inventory",
            "DAMAGED" => "Reimbursed",
            _ => "Unit returned to inventory",
        };
        var fc = Fc(p.Market);
        var hour = p.Market.IsUs ? 16 + Random.Next(0, 6) : 9 + Random.Next(0, 6);
        Returns.Add(new ReturnRow(Day(age), hour, orderId, p, units, fc, disposition, reason, status, Ids.Lpn(), comments));
        var ledgerDisposition = disposition == "DAMAGED" ? "WAREHOUSE_DAMAGED" : disposition;
        Ledger.Add(new LedgerRow(Day(age), p, "CustomerReturns", orderId, units, fc, ledgerDisposition));
    }

    public void Fee(Market market, int age, string type, string description, decimal amount) =>
        Transactions.Add(new TransactionRow(market, Day(age), 420 + Random.Next(0, 300), Settlement(age), type, "", null, description, null, "",
            0, 0, 0, 0, type == "FBA Inventory Fee" ? amount : 0, type == "FBA Inventory Fee" ? 0 : amount));

    // ---- Inbound and removals ---------------------------------------------------------------------------------

    /// <summary>
    /// An inbound shipment. Each item's ledger receipts are given as (age, units); QuantityReceived is what the
    /// shipment page shows (it may lag late receipts).
    /// </summary>
    public Shipment Ship(string status, params (Product Product, int Shipped, int QuantityReceived, (int Age, int Units)[] Receipts)[] items)
    {
        var id = Ids.Shipment();
        var fc = Fc(items[0].Product.Market);
        var firstAge = items.SelectMany(i => i.Receipts).Select(r => r.Age).DefaultIfEmpty(3).Max() + 6;
        var shipment = new Shipment(id, $"FBA ({Day(firstAge):M/d/yy}) - {Random.Next(1, 4)}", status, fc, []);
        foreach (var (product, shipped, received, receipts) in items)
        {
            shipment.Items.Add(new ShipmentItem(product, shipped, received));
            foreach (var (age, units) in receipts)
            {
                Ledger.Add(new LedgerRow(Day(age), product, "Receipts", id, units, fc, "SELLABLE"));
            }
        }
        Shipments.Add(shipment);
        return shipment;
    }

    public string Remove(Product p, int requestedAge, int updatedAge, string type, string status, int requested, int cancelled, int disposed, int shipped, int inProcess)
    {
        var id = Ids.Removal(Day(requestedAge));
        var fee = Math.Round((type == "Disposal" ? 0.32m : 0.97m) * (requested - cancelled), 2);
        Removals.Add(new RemovalRow(Day(requestedAge), id, type, status, Day(updatedAge), p, "Sellable", requested, cancelled, disposed, shipped, inProcess, fee));
        if (shipped + disposed > 0)
        {
            LedgerEvent(p, updatedAge, "VendorReturns", id, -(shipped + disposed));
        }
        return id;
    }

    // ---- Expected findings and decoys ---------------------------------------------------------------------------

    /// <summary>
    /// Records a finding the engine must produce. Status, eligibleFrom and deadline follow from the reference
    /// date (claims.md §1, §2); <paramref name="status"/> is what the scenario meant, checked here so a scenario
    /// whose dates drift can never write a wrong answer file. Identity fields not given are expected null;
    /// fields in <paramref name="omit"/> are left out (the engine may or may not fill them).
    /// </summary>
    public void Expect(string scenario, string type, string status, Market market, DateOnly reference, int units, decimal? unitValue,
        string? fnsku = null, string? sku = null, string? orderId = null, string? shipmentId = null, string? removalOrderId = null,
        string? referenceId = null, decimal? fixedAmount = null, params string[] omit)
    {
        var (actual, eligibleFrom, deadline) = Policy.Evaluate(type, market, reference, AsOf);
        if (actual != status)
        {
            throw new InvalidOperationException($"scenario {scenario}: meant {status}, but its dates make it {actual}");
        }
        if (units <= 0)
        {
            throw new InvalidOperationException($"scenario {scenario}: a finding needs owed units > 0");
        }
        var amount = fixedAmount ?? (unitValue is { } v ? Math.Round(v * units, 2, MidpointRounding.AwayFromZero) : null);
        var finding = new Dictionary<string, object?>
        {
            ["scenario"] = scenario,
            ["type"] = type,
            ["status"] = status,
            ["marketplace"] = market.Code,
            ["currency"] = market.Currency,
            ["fnsku"] = fnsku,
            ["sku"] = sku,
            ["orderId"] = orderId,
            ["shipmentId"] = shipmentId,
            ["removalOrderId"] = removalOrderId,
            ["referenceId"] = referenceId,
            ["units"] = units,
            ["amount"] = amount,
            ["eligibleFrom"] = eligibleFrom.ToString("yyyy-MM-dd"),
            ["deadline"] = deadline.ToString("yyyy-MM-dd"),
        };
        foreach (var field in omit)
        {
            finding.Remove(field);
        }
        Expected.Add(finding);
    }

    /// <summary>Records a decoy: data that looks like a claim but must produce no finding of <paramref name="type"/>.</summary>
    public void Decoy(string scenario, string type, string why, Market market, string? fnsku = null, string? sku = null,
        string? orderId = null, string? shipmentId = null, string? removalOrderId = null, string? referenceId = null) =>
        Decoys.Add(new Dictionary<string, object?>
        {
            ["scenario"] = scenario,
            ["type"] = type,
            ["why"] = why,
            ["marketplace"] = market.Code,
            ["fnsku"] = fnsku,
            ["sku"] = sku,
            ["orderId"] = orderId,
            ["shipmentId"] = shipmentId,
            ["removalOrderId"] = removalOrderId,
            ["referenceId"] = referenceId,
        });

    /// <summary>Settlement ids change every 14 days, like Amazon's bi-weekly settlement periods.</summary>
    private string Settlement(int age)
    {
        var period = (AsOf.DayNumber - age) / 14;
        if (!_settlements.TryGetValue(period, out var id))
        {
            _settlements[period] = id = Ids.Settlement();
        }
        return id;
    }

    private readonly Dictionary<int, string> _settlements = [];
}
