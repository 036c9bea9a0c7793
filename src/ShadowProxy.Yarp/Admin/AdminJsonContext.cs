using System.Text.Json.Serialization;

namespace ShadowProxy.Yarp.Admin;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(DriftResponse))]
[JsonSerializable(typeof(DriftAcceptRequest))]
[JsonSerializable(typeof(DriftAcceptResponse))]
[JsonSerializable(typeof(ReadinessVerdict))]
[JsonSerializable(typeof(ServedModelsResponse))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(MetricCatalogueResponse))]
[JsonSerializable(typeof(PairPage))]
[JsonSerializable(typeof(PairDetail))]
[JsonSerializable(typeof(HistoryResponse))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
