// The encoding tables are internal (callers only need LegacyTextRepair); the tests check them byte by byte
// against glibc iconv and .NET's code pages, so they need to see them.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DataHub.Core.Tests")]
