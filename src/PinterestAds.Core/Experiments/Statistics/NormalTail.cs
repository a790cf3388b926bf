using System;
using MathNet.Numerics;

namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>Tail probabilities of the standard normal distribution.</summary>
    public static class NormalTail
    {
        /// <summary>
        /// The 0.975 quantile of the standard normal distribution, the z of every 95 % interval here
        /// (R: <c>qnorm(0.975)</c> = 1.959963984540054).
        /// </summary>
        public const double Z95 = 1.959963984540054;

        private const double InverseSqrt2 = 0.70710678118654752440;

        /// <summary>
        /// P(|Z| ≥ |z|) for a standard normal Z: the two-sided p-value of a z statistic.
        /// Computed as erfc(|z|/√2) by Math.NET Numerics (a port of Boost's rational approximations),
        /// which stays within a few units in the last place well past p = 1e-10; 1 - Φ would lose
        /// every digit there. NaN in, NaN out.
        /// </summary>
        public static double TwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) * InverseSqrt2);
    }
}
