using System;

namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>The outcome of a two-proportion z-test.</summary>
    public readonly struct ProportionTest
    {
        public ProportionTest(double z, double pValue)
        {
            Z = z;
            PValue = pValue;
        }

        /// <summary>(p1 − p2) / se under the pooled null; positive when the first proportion is larger.</summary>
        public double Z { get; }

        /// <summary>Two-sided p-value, P(|Z| ≥ |z|).</summary>
        public double PValue { get; }

        /// <summary>
        /// The two-sided pooled two-proportion z-test of x1/n1 against x2/n2: the test of R's
        /// <c>prop.test(c(x1, x2), c(n1, n2), correct = FALSE)</c> (whose X² is z²) and of
        /// statsmodels' <c>proportions_ztest</c>.
        /// When no arm has a success, or no arm a failure, the pooled variance is 0 and z is 0/0;
        /// the margins then allow exactly one table, so an exact conditional test gives p = 1, and so
        /// does this (with z = 0) rather than NaN.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">a trial count is not positive, or successes exceed trials.</exception>
        public static ProportionTest TwoSided(long x1, long n1, long x2, long n2)
        {
            ProportionArguments.Check(x1, n1, nameof(x1), nameof(n1));
            ProportionArguments.Check(x2, n2, nameof(x2), nameof(n2));
            double p1 = (double)x1 / n1;
            double p2 = (double)x2 / n2;
            double pooled = (double)(x1 + x2) / (n1 + n2);
            double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
            if (variance <= 0)
            {
                return new ProportionTest(0, 1);
            }

            double z = (p1 - p2) / Math.Sqrt(variance);
            return new ProportionTest(z, NormalTail.TwoSided(z));
        }
    }
}
