using System.Text.Json;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>SP-API FBA Inbound v0 getShipmentItems / getShipmentItemsByShipmentId response (`payload.ItemData[]`).</summary>
public sealed class InboundShipmentItemsJson : IJsonReportReader
{
    public string Report => "InboundShipmentItems";

    public bool Recognise(JsonElement root) => JsonFields.TryGetList(root, "ItemData", out _);

    public void Read(JsonElement root, string file, IRecordSink sink, ICollection<ReportProblem> problems)
    {
        if (!JsonFields.TryGetList(root, "ItemData", out var list))
        {
            return;
        }
        var fields = new JsonFields(file, problems);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"ItemData[{index++}]";
            sink.Add(new InboundShipmentItem
            {
                ShipmentId = fields.Text(item, path, "ShipmentId", required: true) ?? "",
                Fnsku = fields.Text(item, path, "FulfillmentNetworkSKU", required: true) ?? "",
                SellerSku = fields.Text(item, path, "SellerSKU"),
                QuantityShipped = fields.Int(item, path, "QuantityShipped"),
                QuantityReceived = fields.Int(item, path, "QuantityReceived"),
                QuantityInCase = fields.Int(item, path, "QuantityInCase"),
                ReleaseDate = fields.Date(item, path, "ReleaseDate"),
            });
        }
    }
}
