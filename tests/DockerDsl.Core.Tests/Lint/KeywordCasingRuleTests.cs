namespace DockerDsl.Core.Tests.Lint;

public class KeywordCasingRuleTests
{
    [Fact]
    public void A_keyword_in_the_minority_casing_is_found_with_the_majority_casing()
    {
        var text = "FROM alpine:3.20\nrun echo hi\nCOPY a /a\n";

        Assert.Equal(new[] { "'run' is not in the casing of the other instructions; write it as 'RUN'" }, Lints.Messages("DDSL031", text));
    }

    [Fact]
    public void A_lower_case_majority_wins()
    {
        Assert.Equal(new[] { 1 }, Lints.Lines("DDSL031", "FROM alpine:3.20\nrun echo hi\ncopy a /a\n"));
    }

    [Fact]
    public void Mixed_case_keywords_are_not_counted_but_found()
    {
        // From counts for neither side, so the one upper-case COPY makes the majority.
        Assert.Equal(new[] { 1 }, Lints.Lines("DDSL031", "From alpine:3.20\nCOPY a /a\n"));
    }

    [Fact]
    public void A_tie_is_upper_case()
    {
        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL031", "FROM alpine:3.20\ncopy a /a\n"));
    }

    [Fact]
    public void Global_args_are_neither_counted_nor_found()
    {
        Assert.Empty(Lints.Lines("DDSL031", "arg VERSION=3.20\narg OTHER=1\nFROM alpine:$VERSION\nCOPY a /a\n"));
    }

    [Fact]
    public void One_casing_throughout_is_fine()
    {
        Assert.Empty(Lints.Lines("DDSL031", "from alpine:3.20\nonbuild run echo hi\ncopy a /a\n"));
    }

    [Theory]
    [InlineData("FROM alpine:3.20 as base\n", "'FROM' and 'as' are in different cases; write AS in the case of FROM")]
    [InlineData("from alpine:3.20 AS base\n", "'from' and 'AS' are in different cases; write AS in the case of FROM")]
    public void As_in_another_case_than_from_is_found(string text, string message)
    {
        Assert.Equal(new[] { message }, Lints.Messages("DDSL032", text));
    }

    [Theory]
    [InlineData("FROM alpine:3.20 AS base\n")]
    [InlineData("from alpine:3.20 as base\n")]
    [InlineData("From alpine:3.20 as base\n")]
    [InlineData("FROM alpine:3.20\n")]
    public void Matching_or_mixed_casing_is_not_a_from_as_finding(string text)
    {
        Assert.Empty(Lints.Lines("DDSL032", text));
    }
}
