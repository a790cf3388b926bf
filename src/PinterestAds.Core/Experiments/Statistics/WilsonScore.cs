using System;

namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// The Wilson score interval for a binomial proportion (Wilson 1927), without continuity
    /// correction: what R's <c>prop.test(x, n, correct = FALSE)</c> and <c>binom.confint(method =
    /// "wilson")</c> report. Unlike the textbook p ± z·se interval it never leaves [0, 1] and does
    /// not collapse to zero width at 0 or n successes (Newcombe 1998, method 3).
    /// </summary>
    public static class WilsonScore
    {
        /// <summary>The 95 % interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">trials is not positive, or successes is outside 0..trials.</exception>
        public static Interval Interval95(long successes, long trials) => Interval(successes, trials, NormalTail.Z95);

        /// <summary>The interval whose coverage is that of ±<paramref name="z"/> standard normal deviates.</summary>
        public static Interval Interval(long successes, long trials, double z)
        {
            ProportionArguments.Check(successes, trials, nameof(successes), nameof(trials));
            double n = trials;
            double p = successes / n;
            double z2 = z * z;
            double denominator = 1 + z2 / n;
            double centre = (p + z2 / (2 * n)) / denominator;
            double halfWidth = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;

            // At 0 (or n) successes the bound is exactly 0 (or 1); the formula lands an ulp away.
            double low = successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
            double high = successes == trials ? 1 : Math.Min(1, centre + halfWidth);
            return new Interval(low, high);
        }
    }
}
