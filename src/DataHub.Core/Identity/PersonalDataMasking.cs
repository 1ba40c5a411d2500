using System.Text.RegularExpressions;

namespace DataHub.Core.Identity;

/// <summary>
/// Masks anything that looks like a personal ID (12 digits) or a legacy ID card number (9 digits) in
/// free text, so application logs never carry them in clear. Digit runs of other lengths, and digits that are
/// part of a longer token (hashes, codes), are left alone.
/// </summary>
public static partial class PersonalDataMasking
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])([0-9]{3})(?:[0-9]{7}|[0-9]{4})([0-9]{2})(?![0-9A-Za-z])")]
    private static partial Regex IdLike();

    public static string Mask(string text) => text.Length < 9 ? text : IdLike().Replace(text, m => m.Groups[1].Value + new string('*', m.Length - 5) + m.Groups[2].Value);
}
