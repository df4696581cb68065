using Tailor.Messaging;

namespace Tailor.Ingestion.Consumers;

/// <summary>Retries store hiccups a few times before the page goes to the error queue (<c>_error</c>, with a <c>Fault</c>).</summary>
internal sealed class ConversionLedgerConsumerDefinition : TailorConsumerDefinition<ConversionLedgerConsumer>
{
    // A page updates each of its users' ledgers in two round trips; two pages at once overlap one's read with the other's write.
    public ConversionLedgerConsumerDefinition() => ConcurrentMessageLimit = 2;
}
