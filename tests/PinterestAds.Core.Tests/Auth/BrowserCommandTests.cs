using PinterestAds.Core.Auth;
using Xunit;

namespace PinterestAds.Core.Tests.Auth;

public sealed class BrowserCommandTests
{
    private static readonly Uri Address = new("http://127.0.0.1:8085/oauth/?client_id=1&state=abc&scope=ads:read,ads:write");

    private static string Quoted => "\"" + Address.AbsoluteUri + "\"";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  :  ")]
    public void Unset_or_blank_names_no_command(string? value)
    {
        Assert.Empty(BrowserCommand.Parse(value, Address, ':'));
    }

    [Fact]
    public void A_program_alone_gets_the_address_as_its_only_argument()
    {
        var command = Assert.Single(BrowserCommand.Parse("firefox", Address, ':'));
        Assert.Equal("firefox", command.Program);
        Assert.Equal(Quoted, command.Arguments);
    }

    [Fact]
    public void Percent_s_marks_where_the_address_goes_and_other_arguments_are_kept_as_written()
    {
        var command = Assert.Single(BrowserCommand.Parse("/usr/bin/chromium --new-window %s --incognito", Address, ':'));
        Assert.Equal("/usr/bin/chromium", command.Program);
        Assert.Equal("--new-window " + Quoted + " --incognito", command.Arguments);
    }

    [Fact]
    public void Arguments_without_percent_s_are_followed_by_the_address()
    {
        var command = Assert.Single(BrowserCommand.Parse("pwsh -NoProfile -File /opt/open.ps1", Address, ':'));
        Assert.Equal("pwsh", command.Program);
        Assert.Equal("-NoProfile -File /opt/open.ps1 " + Quoted, command.Arguments);
    }

    [Fact]
    public void A_quoted_program_path_may_contain_spaces()
    {
        var command = Assert.Single(BrowserCommand.Parse("\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" -new-tab", Address, ';'));
        Assert.Equal("C:\\Program Files\\Mozilla Firefox\\firefox.exe", command.Program);
        Assert.Equal("-new-tab " + Quoted, command.Arguments);
    }

    [Fact]
    public void Several_commands_are_tried_in_the_order_given_split_on_the_platform_separator()
    {
        var commands = BrowserCommand.Parse("firefox;chromium --headless", Address, ';');
        Assert.Equal(new[] { "firefox", "chromium" }, commands.Select(c => c.Program));
        Assert.Equal(Quoted, commands[0].Arguments);
        Assert.Equal("--headless " + Quoted, commands[1].Arguments);
    }
}
