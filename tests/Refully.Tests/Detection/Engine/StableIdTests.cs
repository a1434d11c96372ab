using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Refully.Companion.Detection;

namespace Refully.Tests.Detection.Engine;

/// <summary>Finding ids are persisted: the managed SHA-256 and the id format must give exactly what they always gave.</summary>
public sealed class StableIdTests
{
    [Fact]
    public void Managed_sha256_matches_the_platform_for_every_length_up_to_three_blocks()
    {
        var data = Enumerable.Range(0, 200).Select(i => (byte)(i * 7 + 3)).ToArray();
        var mine = new byte[32];
        for (var length = 0; length <= data.Length; length++)
        {
            Sha256.HashData(data.AsSpan(0, length), mine);
            mine.Should().Equal(SHA256.HashData(data.AsSpan(0, length)), $"length {length}");
        }
    }

    [Theory]
    [InlineData(ClaimType.LostWarehouse, "US", "1234567890|X00ABC")]
    [InlineData(ClaimType.RefundNotReturned, "DE", "302-1234567-1234567|SKU-ü-€")]
    [InlineData(ClaimType.InboundCarrierDamaged, "UNKNOWN", "")]
    public void Ids_are_the_prefix_and_the_first_8_bytes_of_sha256_of_type_marketplace_and_key(ClaimType type, string marketplace, string key)
    {
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}|{marketplace}|{key}")), 0, 8).ToLowerInvariant();
        DetectionEngine.StableId(type, marketplace, key).Should().EndWith("-" + expected);
        DetectionEngine.StableId(type, marketplace, new string('k', 5_000)).Should()
            .EndWith("-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}|{marketplace}|{new string('k', 5_000)}")), 0, 8).ToLowerInvariant());
    }
}
