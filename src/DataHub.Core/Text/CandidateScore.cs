namespace DataHub.Core.Text;

/// <summary>
/// How plausible one candidate decoding of a field is. Only words the decoding changes are counted:
/// <see cref="Good"/> = the word was not a Vietnamese syllable and becomes one; <see cref="Bad"/> = the decoding
/// produces a non-syllable. A word that was already a valid syllable and stays one ("Hà" ↔ "Hổ") proves nothing
/// either way, which is what keeps ordinary Unicode text from being "repaired"; <see cref="Neutral"/> counts such
/// words, and between equally good candidates the one that rewrites fewer valid words wins.
/// </summary>
internal readonly record struct CandidateScore(int Good, int Bad, int Neutral)
{
    /// <summary>
    /// Conservative acceptance: at least one convincing word and at most one doubtful word per three convincing
    /// ones (a repaired field may contain a rare syllable the checker does not know).
    /// </summary>
    public bool Accepted => Good >= 1 && Bad * 3 <= Good;

    public int Value => Good - 2 * Bad;

    /// <summary>Positive if this candidate is better than <paramref name="other"/>, 0 if they are indistinguishable.</summary>
    public int CompareTo(CandidateScore other) =>
        Value != other.Value ? Value.CompareTo(other.Value) : other.Neutral.CompareTo(Neutral);
}
