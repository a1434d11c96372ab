using System.Text;

namespace Refully.Synthetic;

/// <summary>Amazon-shaped identifiers, unique within one account, drawn from the account's seeded Random.</summary>
public sealed class Ids(Random random)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private long _transactionItem = 4_400_000_000 + random.Next(0, 90_000_000);
    private long _reimbursement = 2_900_000_000 + random.Next(0, 90_000_000);
    private int _removal = random.Next(100, 900);

    /// <summary>Ledger Reference ID of an Adjustments row (the Transaction Item ID).</summary>
    public string TransactionItem() => (_transactionItem += random.Next(1, 40_000)).ToString();

    public string Reimbursement() => (_reimbursement += random.Next(1, 9_000)).ToString();

    public string Case() => Unique(() => "1" + Digits(10));

    public string Order(Market market) => Unique(() => $"{market.OrderPrefixes[random.Next(market.OrderPrefixes.Length)]}-{Digits(7)}-{Digits(7)}");

    public string Shipment() => Unique(() => "FBA" + Chars(Upper, 9));

    public string Removal(DateOnly date) => $"RMV-{date:yyMMdd}-{_removal++}";

    public string Lpn() => Unique(() => "LPNRR" + Digits(9));

    public string Fnsku() => Unique(() => "X00" + Chars(Upper, 7));

    public string Asin() => Unique(() => "B0" + Chars(Upper, 8));

    public string Settlement() => Unique(() => "1900" + Digits(7));

    /// <summary>A value never issued: an original reimbursement that lies outside the downloaded data.</summary>
    public string ReimbursementOutsideData() => (2_800_000_000 + random.Next(0, 90_000_000)).ToString();

    private string Unique(Func<string> make)
    {
        while (true)
        {
            var value = make();
            if (_used.Add(value))
            {
                return value;
            }
        }
    }

    private string Digits(int n) => Chars("0123456789", n);

    private string Chars(string alphabet, int n)
    {
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return sb.ToString();
    }
}
