namespace Tailor.SampleSender.Delivery;

/// <summary>
/// Which delivery attempt is sending an email, and until when its claim holds (<c>samplesender.deliveries</c>, keyed by
/// email id): two copies of one email, on one replica or two, never both reach SMTP. A claim whose holder died lapses
/// at <paramref name="Until"/>, so the email is not lost with it.
/// </summary>
/// <param name="Holder">The attempt holding the claim: an id each <see cref="EmailDelivery.DeliverOnceAsync"/> call draws.</param>
public sealed record DeliveryClaim(Guid Holder, DateTimeOffset Until);
