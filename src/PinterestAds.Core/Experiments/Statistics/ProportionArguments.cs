using System;

namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>The rule every proportion here shares: at least one trial, successes between 0 and the trials.</summary>
    internal static class ProportionArguments
    {
        public static void Check(long successes, long trials, string successesName, string trialsName)
        {
            if (trials <= 0)
            {
                throw new ArgumentOutOfRangeException(trialsName, trials, "A proportion needs at least one trial.");
            }

            if (successes < 0 || successes > trials)
            {
                throw new ArgumentOutOfRangeException(successesName, successes, $"Successes must lie between 0 and the {trials} trials.");
            }
        }
    }
}
