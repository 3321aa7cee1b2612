using System.Text.Json;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Extensions;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Reading Tray's inconsistent JSON (tray-api.md §1.4) and writing what it expects.</summary>
public sealed class TrayJsonTests
{
    private sealed record Sample(decimal? Price, long? Stock, int? Order, bool Available, bool? Printed, DateTimeOffset? Modified,
        DateTimeOffset? PaymentDate, Dictionary<string, List<string>> Properties, string? Name);

    private static Sample Read(string json) => JsonSerializer.Deserialize<Sample>(json, TrayJson.Options)!;

    [Fact]
    public void Numbers_and_flags_are_read_from_strings_and_empty_strings_are_none()
    {
        var sample = Read("""{"price":"139.90","stock":"51","order":"","available":"1","printed":"","properties":[]}""");

        Assert.Equal((139.90m, 51L, (int?)null, true, (bool?)null), (sample.Price, sample.Stock, sample.Order, sample.Available, sample.Printed));
    }

    [Fact]
    public void Real_numbers_and_booleans_are_read_too_and_unknown_fields_are_ignored()
    {
        var sample = Read("""{"price":12.5,"stock":3,"available":true,"printed":0,"properties":{},"ipi":"0.110000","Extensions":[]}""");

        Assert.Equal((12.5m, 3L, true, (bool?)false), (sample.Price, sample.Stock, sample.Available, sample.Printed));
    }

    [Fact]
    public void Timestamps_without_offset_are_Sao_Paulo_time_and_zero_dates_are_none()
    {
        var sample = Read("""{"modified":"2026-01-15 10:30:00","payment_date":"0000-00-00","available":"0","properties":[]}""");

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 13, 30, 0, TimeSpan.Zero), sample.Modified!.Value.ToUniversalTime());
        Assert.Null(sample.PaymentDate);
    }

    [Fact]
    public void An_empty_map_sent_as_an_empty_array_reads_as_an_empty_map()
    {
        Assert.Empty(Read("""{"properties":[],"available":"1"}""").Properties);
        Assert.Equal(["PP", "M"], Read("""{"properties":{"Tamanho":["PP","M"]},"available":"1"}""").Properties["Tamanho"]);
    }

    [Fact]
    public void Writes_keep_the_envelope_key_snake_case_fields_invariant_decimals_and_flags_as_Tray_writes_them()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("pt-BR");
        try
        {
            var json = JsonSerializer.Serialize(TrayJson.Envelope("Product", new Sample(79.9m, 12, null, true, null, null, null, [], "Camiseta")),
                TrayJson.Options);

            Assert.Equal("""{"Product":{"price":79.9,"stock":12,"available":"1","properties":{},"name":"Camiseta"}}""", json);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    private sealed record Ids([property: System.Text.Json.Serialization.JsonConverter(typeof(TrayIdConverter))] string? StoreId,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(TrayIdConverter))] string? OrderId);

    [Theory]
    [InlineData("""{"store_id":"391250","order_id":"77"}""")]
    [InlineData("""{"store_id":391250,"order_id":77}""")]
    [InlineData("""{"store_id":" 391250 ","order_id":77}""")]
    public void An_id_is_read_as_text_whether_Tray_sends_a_string_or_a_number(string json)
    {
        var ids = JsonSerializer.Deserialize<Ids>(json, TrayJson.Options)!;

        Assert.Equal(("391250", "77"), (ids.StoreId, ids.OrderId));
    }

    [Fact]
    public void A_missing_or_null_id_is_none_and_an_id_is_written_back_as_a_string()
    {
        Assert.Equal((null, null), (JsonSerializer.Deserialize<Ids>("""{"store_id":null}""", TrayJson.Options)! is var ids ? (ids.StoreId, ids.OrderId) : default));
        Assert.Equal("""{"store_id":"391250"}""", JsonSerializer.Serialize(new Ids("391250", null), TrayJson.Options));
    }

    [Fact]
    public void The_token_answer_reads_store_id_as_a_number_as_documented()
    {
        var answer = JsonSerializer.Deserialize<TrayBridge.TrayConnector.Tray.Auth.TrayTokenResponse>(
            """{"code":200,"access_token":"a","refresh_token":"r","store_id":391250,"api_host":"https://loja.com.br/web_api"}""", TrayJson.Options)!;

        Assert.Equal("391250", answer.StoreId);
    }

    [Theory]
    [InlineData("""{"id":"12","parent_id":"0"}""")]
    [InlineData("""{"id":12,"parent_id":0}""")]
    public void The_element_readers_take_ids_in_both_forms(string json)
    {
        var element = JsonDocument.Parse(json).RootElement;

        Assert.Equal(("12", "12", (string?)null, "0"), (element.RequiredId(), element.Id("id"), element.Id("parent_id"), element.Text("parent_id")));
    }
}
