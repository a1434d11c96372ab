using System.Text.Json;
using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;

namespace Refully.Companion.Reports.Readers;

/// <summary>
/// SP-API FBA Inbound v0 getShipments response (`payload.ShipmentData[]`), saved as JSON. The ship-from
/// address is not read.
/// </summary>
public sealed class InboundShipmentsJson : IJsonReportReader
{
    public string Report => "InboundShipments";

    public bool Recognise(JsonElement root) => JsonFields.TryGetList(root, "ShipmentData", out _);

    public void Read(JsonElement root, string file, IRecordSink sink, ICollection<ReportProblem> problems)
    {
        if (!JsonFields.TryGetList(root, "ShipmentData", out var list))
        {
            return;
        }
        var fields = new JsonFields(file, problems);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"ShipmentData[{index++}]";
            sink.Add(new InboundShipment
            {
                ShipmentId = fields.Text(item, path, "ShipmentId", required: true) ?? "",
                ShipmentName = fields.Text(item, path, "ShipmentName"),
                DestinationFulfillmentCenterId = fields.Text(item, path, "DestinationFulfillmentCenterId"),
                ShipmentStatus = fields.Text(item, path, "ShipmentStatus"),
                LabelPrepType = fields.Text(item, path, "LabelPrepType"),
                BoxContentsSource = fields.Text(item, path, "BoxContentsSource"),
                AreCasesRequired = fields.Bool(item, "AreCasesRequired"),
                ConfirmedNeedByDate = fields.Date(item, path, "ConfirmedNeedByDate"),
            });
        }
    }
}
