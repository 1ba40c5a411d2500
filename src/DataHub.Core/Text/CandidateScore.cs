namespace DataHub.Core.Text;

/// <summary>
/// How plausible one candidate decoding of a field is. Only words the decoding changes are counted:
/// <see cref="Good"/> = the word was not a Vietnamese syllable and becomes one; <see cref="Bad"/> = the decoding
/// produces a non-syllable. A word that was already a valid syllable and stays one ("Hà" ↔ "Hổ") proves nothing
/// either way, which is what keeps ordinary Unicode text from being "repaired".
/// </summary>
internal readonly record struct CandidateScore(int Good, int Bad)
{
    /// <summary>
    /// Conservative acceptance: at least one convincing word and at most one doubtful word per three convincing
    /// ones (a repaired field may contain a rare syllable the checker does not know).
    /// </summary>
    public bool Accepted => Good >= 1 && Bad * 3 <= Good;

    public int Value => Good - 2 * Bad;
}
