using DataHub.Core.Identity;

namespace DataHub.Core.Tests.Identity;

public class PersonalDataMaskingTests
{
    [Theory]
    [InlineData("lookup 049190123456 ok", "lookup 049*******56 ok")]
    [InlineData("cmnd=201234567;", "cmnd=201****67;")]
    [InlineData("ids 049190123456,001203000001", "ids 049*******56,001*******01")]
    public void Masks_id_like_numbers(string text, string expected) => Assert.Equal(expected, PersonalDataMasking.Mask(text));

    [Theory]
    [InlineData("run 42 published 1234567 documents")]
    [InlineData("hash 0123456789abcdef0123456789")]
    [InlineData("took 12345678901234 ticks")]
    public void Leaves_other_numbers_alone(string text) => Assert.Equal(text, PersonalDataMasking.Mask(text));
}
