using PinterestAds.Core.Errors;
using PinterestAds.Core.Experiments;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments;

public sealed class ExperimentNamesTests
{
    [Theory]
    [InlineData("Spring hero", "Studio shot", true, "[Experiment: Spring hero] Control: Studio shot")]
    [InlineData("Spring hero", "Lifestyle", false, "[Experiment: Spring hero] Variant: Lifestyle")]
    [InlineData("Q3 — test #2", "Variant: B] [x", false, "[Experiment: Q3 — test #2] Variant: Variant: B] [x")]
    [InlineData("Été", "Control: 2", true, "[Experiment: Été] Control: Control: 2")]
    public void A_marked_name_reads_back_as_the_experiment_and_variant_it_was_made_from(string experiment, string variant, bool isControl, string marked)
    {
        Assert.Equal(marked, ExperimentNames.Format(experiment, variant, isControl));

        Assert.True(ExperimentNames.TryParse(marked, out var readExperiment, out var readVariant, out var readControl));
        Assert.Equal((experiment, variant, isControl), (readExperiment, readVariant, readControl));
    }

    [Theory]
    [InlineData("Women US")]
    [InlineData("Experiment: Spring hero Variant: B")]
    [InlineData("[Experiment: Spring hero] Treatment: B")]
    [InlineData("[Experiment: ] Variant: B")]
    [InlineData("[Experiment: Spring hero] Variant: ")]
    [InlineData("[Experiment:  Spring hero] Variant: B")]
    [InlineData("Abandoned [Experiment: Spring hero] Variant: B")]
    [InlineData(null)]
    public void Names_that_carry_no_experiment_are_not_read_as_one(string? adGroupName)
    {
        Assert.False(ExperimentNames.TryParse(adGroupName, out _, out _, out _));
    }

    [Theory]
    [InlineData("Spring [2]", "square bracket")]
    [InlineData(" Spring", "starts or ends with a space")]
    [InlineData("", "cannot be empty")]
    [InlineData("Spring\tsale", "control characters")]
    public void An_experiment_name_that_would_not_read_back_is_refused_naming_the_parameter(string name, string rule)
    {
        var error = Assert.Throws<PinterestAdsException>(() => ExperimentNames.CheckExperiment("Name", name));

        Assert.StartsWith("-Name: ", error.Message);
        Assert.Contains(rule, error.Message);
        Assert.Equal("Name", error.Parameter);
    }

    [Fact]
    public void The_marks_take_24_characters_of_the_255_an_ad_group_name_holds()
    {
        Assert.Equal(24, ExperimentNames.Overhead);
        Assert.Equal(255, ExperimentNames.Format(new string('e', 200), new string('v', 31), isControl: false).Length);
    }
}
