using System.ComponentModel;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// What the language model is asked to return, as JSON against this type's schema. Tailor builds the email from these
/// parts after checking them (<see cref="DraftChecks"/>); the greeting, product names, prices and links are Tailor's.
/// </summary>
public sealed record EmailCopyDraft(
    [property: Description("Two or three alternative subject lines, each at most 60 characters.")] IReadOnlyList<string> Subjects,
    [property: Description("The inbox preview line, at most 100 characters.")] string Preheader,
    [property: Description("One to three short paragraphs of body copy, without greeting or sign-off.")] IReadOnlyList<string> Paragraphs,
    [property: Description("One call to action per product, by its itemId.")] IReadOnlyList<CallToAction> CallsToAction);

public sealed record CallToAction(
    [property: Description("The itemId of one of the given products, exactly.")] string ItemId,
    [property: Description("Link text, at most 40 characters.")] string Text);
