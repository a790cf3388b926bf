using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// Holm's (1979) step-down adjustment of p-values for m simultaneous tests, as R's
    /// <c>p.adjust(p, "holm")</c>: with the p-values sorted ascending, p(1) ≤ … ≤ p(m), the adjusted
    /// value of the i-th is min(1, max over j ≤ i of (m − j + 1)·p(j)). Rejecting every hypothesis whose
    /// adjusted p-value is below α keeps the chance of any false rejection among the m at most α,
    /// whatever the dependence between the tests. The running maximum makes the adjusted values
    /// monotone in the raw ones, so tied raw p-values get the same adjusted value.
    /// </summary>
    public static class HolmAdjustment
    {
        /// <summary>The adjusted p-values, in the order of <paramref name="pValues"/>.</summary>
        /// <exception cref="ArgumentException">a p-value is NaN or outside [0, 1].</exception>
        public static double[] Adjust(IReadOnlyList<double> pValues)
        {
            if (pValues is null)
            {
                throw new ArgumentNullException(nameof(pValues));
            }

            for (int i = 0; i < pValues.Count; i++)
            {
                if (!(pValues[i] >= 0 && pValues[i] <= 1))
                {
                    throw new ArgumentException($"p-value #{i} is {pValues[i]}; every p-value must lie in [0, 1].", nameof(pValues));
                }
            }

            int m = pValues.Count;
            int[] ascending = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
            var adjusted = new double[m];
            double runningMax = 0;
            for (int rank = 0; rank < m; rank++)
            {
                int index = ascending[rank];
                runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[index]));
                adjusted[index] = runningMax;
            }

            return adjusted;
        }
    }
}
