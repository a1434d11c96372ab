namespace Refully.Companion.Detection.Detectors;

/// <summary>Every detector, one per <see cref="ClaimType"/>, in the enum's order. Explicit: no reflection scanning.</summary>
public static class DetectorRegistry
{
    public static IReadOnlyList<IDetector> All { get; } =
    [
        new LostWarehouseDetector(),
        new DamagedWarehouseDetector(),
        new InboundShortageDetector(),
        new RefundNotReturnedDetector(),
        new ReturnDamagedNotReimbursedDetector(),
        new RemovalShortageDetector(),
        new ReimbursedBelowCostDetector(),
        new DisposedWithoutRequestDetector(),
        new FeeOverchargeDetector(),
        new ReturnNotRestockedDetector(),
        new WrongItemReturnedDetector(),
        new RefundExceedsChargeDetector(),
        new InboundCarrierDamagedDetector(),
    ];
}
